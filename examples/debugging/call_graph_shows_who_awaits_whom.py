import asyncio


async def fetch(url):
    await asyncio.sleep(0.3)  # stands in for a network read
    return url


async def crawl(site):
    async with asyncio.TaskGroup() as tg:
        for page in ("index", "about"):
            tg.create_task(fetch(f"{site}/{page}"), name=f"fetch-{page}")


def ours(graph):
    """This file's coroutines in a stack, innermost first (asyncio's own skipped)."""
    frames = [entry.frame for entry in graph.call_stack]
    return [f.f_code.co_qualname for f in frames if f.f_code.co_filename == __file__]


def show(graph, indent=0):
    name = graph.future.get_name()
    print(" " * indent + f"{name}: in {' <- '.join(ours(graph))}")
    for parent in graph.awaited_by:
        show(parent, indent + 2)


async def inspect_soon():
    await asyncio.sleep(0.1)  # while the fetches wait
    for task in sorted(asyncio.all_tasks(), key=asyncio.Task.get_name):
        if task.get_name().startswith("fetch-"):
            show(asyncio.capture_call_graph(task))


async def main():
    inspector = asyncio.create_task(inspect_soon(), name="inspector")
    await asyncio.create_task(crawl("a.example"), name="crawler")
    await inspector
    print("crawl done")


asyncio.run(main())
