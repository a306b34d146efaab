import asyncio


async def lookup(user_id):
    await asyncio.sleep(0.2)  # async work that belongs on the loop
    return f"user {user_id}"


def sync_callback(loop):
    # Runs in a worker thread: blocking on the result here is fine.
    future = asyncio.run_coroutine_threadsafe(lookup(1), loop)
    print("thread: got", future.result(timeout=2))


async def main():
    loop = asyncio.get_running_loop()
    await asyncio.to_thread(sync_callback, loop)

    # The same call on the loop's own thread: result() blocks the loop,
    # so lookup(2) cannot even start. The timeout is what ends the wait.
    future = asyncio.run_coroutine_threadsafe(lookup(2), loop)
    try:
        future.result(timeout=0.5)
    except TimeoutError:
        print("main: result() timed out; the loop was blocked all along")
    print("main: awaited instead:", await asyncio.wrap_future(future))


asyncio.run(main())
