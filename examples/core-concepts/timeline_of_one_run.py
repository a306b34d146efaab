import asyncio


async def kettle():
    print("kettle: switched on")
    await asyncio.sleep(0.3)  # suspends: the loop runs something else
    print("kettle: boiled")
    return "hot water"


async def toaster():
    print("toaster: bread in")
    await asyncio.sleep(0.2)
    print("toaster: toast up")
    return "toast"


async def radio():
    print("radio: playing")
    try:
        await asyncio.sleep(3600)  # would play for an hour
    except asyncio.CancelledError:
        print("radio: switched off by asyncio.run")
        raise


async def main():
    print("main: starting")
    water = asyncio.create_task(kettle())
    toast = asyncio.create_task(toaster())
    music = asyncio.create_task(radio())
    print("main: three tasks created, none has started")
    print(f"main: got {await water}")  # main waits here for 0.3 s
    print(f"main: got {await toast}")  # already done: returns at once
    print(f"main: returns, the radio is still running: {not music.done()}")


asyncio.run(main())
