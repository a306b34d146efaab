import asyncio


async def warm_up():
    await asyncio.sleep(0.1)
    print("warmed up")


async def fetch_answer():
    await asyncio.sleep(0.1)
    return 42


asyncio.run(warm_up())
# asyncio.run() closed its loop and unset it, so this thread has no current loop.
loop = asyncio.get_event_loop()
print(loop.run_until_complete(fetch_answer()))
