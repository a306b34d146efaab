import asyncio


async def save(note):
    await asyncio.sleep(0.1)  # sending it to the server
    print(f"saved {note!r}")


async def main():
    asyncio.create_task(save("buy milk"))  # noqa: RUF006
    asyncio.create_task(save("call Ada"))  # noqa: RUF006
    # One turn of the loop: both tasks reach their sleep and get no further before
    # main returns and asyncio.run cancels them.
    await asyncio.sleep(0)
    print("main: done")


asyncio.run(main())
