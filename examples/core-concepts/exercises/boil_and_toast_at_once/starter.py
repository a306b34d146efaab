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
    water = await boil_water()
    toast = await make_toast()
    print(f"breakfast: {water} and {toast}")


asyncio.run(main())
