import asyncio


async def save(note):
    await asyncio.sleep(0.1)  # sending it to the server
    print(f"saved {note!r}")


async def main():
    # Calling save() only builds a coroutine object; await runs it, to its end.
    await save("buy milk")
    await save("call Ada")
    print("main: done")


asyncio.run(main())
