import asyncio


async def say_hello():
    print("Hello...")
    await asyncio.sleep(1)
    print("...World!")


async def main():
    print("main: starting")
    # Scheduled, but not waited for: main returns, and asyncio.run cancels the task at
    # its sleep.
    asyncio.create_task(say_hello())  # noqa: RUF006
    print("main: done")


asyncio.run(main())
