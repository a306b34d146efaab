import asyncio


async def save(note):
    await asyncio.sleep(0.1)  # sending it to the server
    print(f"saved {note!r}")


async def main():
    # The tasks start, but main returns before they are done, and asyncio.run cancels
    # them at their sleep.
    asyncio.create_task(save("buy milk"))  # noqa: RUF006
    asyncio.create_task(save("call Ada"))  # noqa: RUF006
    print("main: done")


asyncio.run(main())
