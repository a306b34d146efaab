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
    # Tasks first, awaits after: both start as soon as main waits, so the kettle and
    # the toaster work at the same time.
    water_task = asyncio.create_task(boil_water())
    toast_task = asyncio.create_task(make_toast())
    water = await water_task
    toast = await toast_task
    print(f"breakfast: {water} and {toast}")


asyncio.run(main())
