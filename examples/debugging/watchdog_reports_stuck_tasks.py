import asyncio
import weakref


async def handle(request_id, seconds):
    await asyncio.sleep(seconds)  # stands in for the request's work
    print(f"request-{request_id} answered")


async def wait_for_reply():
    await asyncio.Event().wait()  # the reply never comes: this one is stuck


async def watchdog(threshold, every=0.2):
    """Report, once, each request task still pending after `threshold` seconds."""
    loop = asyncio.get_running_loop()
    first_seen = weakref.WeakKeyDictionary()  # a finished task drops out by itself
    reported = weakref.WeakSet()
    deadline = loop.time()
    while True:
        now = loop.time()
        for task in asyncio.all_tasks():
            if not task.get_name().startswith("request-"):
                continue
            age = now - first_seen.setdefault(task, now)
            if age >= threshold and task not in reported:
                reported.add(task)
                frame = task.get_stack()[-1]
                print(
                    f"watchdog: {task.get_name()} pending for over {threshold} s,"
                    f" in {frame.f_code.co_name}() at line {frame.f_lineno}"
                )
        deadline += every  # deadlines from loop.time(), so the checks do not drift
        await asyncio.sleep(deadline - loop.time())


async def main():
    dog = asyncio.create_task(watchdog(threshold=0.5), name="watchdog")
    requests = [
        asyncio.create_task(handle(1, 0.2), name="request-1"),
        asyncio.create_task(wait_for_reply(), name="request-2"),
        asyncio.create_task(handle(3, 0.3), name="request-3"),
    ]
    _, pending = await asyncio.wait(requests, timeout=0.8)
    for task in pending:
        print(f"main: cancelling {task.get_name()}")
        task.cancel()
    dog.cancel()


asyncio.run(main())
