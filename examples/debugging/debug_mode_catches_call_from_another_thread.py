import asyncio


def ping():
    print("ping ran on the loop")


async def main():
    loop = asyncio.get_running_loop()
    try:
        # Wrong: call_soon is not thread-safe, and this runs in a pool thread.
        await asyncio.to_thread(loop.call_soon, ping)
    except RuntimeError as error:
        print(f"RuntimeError: {error}")
    # Right: the thread-safe variant, meant to be called from other threads.
    await asyncio.to_thread(loop.call_soon_threadsafe, ping)
    await asyncio.sleep(0.1)


asyncio.run(main(), debug=True)
