import asyncio


async def boil_water():
    print("kettle: switched on")
    await asyncio.sleep(0.3)
    print("kettle: boiled")
    return "hot water"


async def make_toast():
    print("toaster: bread in")
    await asyncio.sleep(0.2)
    print("toaster: toast up")
    return "toast"


async def main():
    # Started, but not waited for: main returns, and asyncio.run cancels both tasks
    # at their first sleep.
    asyncio.create_task(boil_water())  # noqa: RUF006
    asyncio.create_task(make_toast())  # noqa: RUF006
    print("breakfast: hot water and toast")


asyncio.run(main())
