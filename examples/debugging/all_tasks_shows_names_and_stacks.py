import asyncio
import sys


async def download(url):
    await asyncio.sleep(1)  # stands in for a network read
    return url


async def wait_for_reply():
    await asyncio.Event().wait()  # nobody will ever set this event


def where(task):
    """The coroutine a task is suspended in, and the line it waits on."""
    if task is asyncio.current_task():
        return "running (it is the one printing this)"
    frames = task.get_stack()  # a suspended task: its own coroutine's frame
    frame = frames[-1]
    return f"waiting in {frame.f_code.co_name}() at line {frame.f_lineno}"


async def main():
    downloads = [
        asyncio.create_task(download(f"a.example/{n}"), name=f"download-{n}")
        for n in (1, 2)
    ]
    stuck = asyncio.create_task(wait_for_reply())
    stuck.set_name("wait-for-reply")  # a name can be given later too
    await asyncio.sleep(0.1)  # let them start and suspend

    for task in sorted(asyncio.all_tasks(), key=asyncio.Task.get_name):
        print(f"{task.get_name():<15} {where(task)}")
    stuck.print_stack(file=sys.stderr)  # the same, with file names
    for task in [*downloads, stuck]:
        task.cancel()


asyncio.run(main())
