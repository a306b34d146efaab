import asyncio


async def save(note):
    await asyncio.sleep(0.1)  # sending it to the server
    print(f"saved {note!r}")


async def main():
    save("buy milk")
    save("call Ada")
    print("main: done")


asyncio.run(main())
