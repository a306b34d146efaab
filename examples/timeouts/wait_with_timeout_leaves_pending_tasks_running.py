import asyncio


async def job(name, seconds):
    await asyncio.sleep(seconds)
    print(f"{name} finished")


async def main():
    tasks = [
        asyncio.create_task(job("quick", 0.2)),
        asyncio.create_task(job("slow", 1.0)),
    ]
    done, pending = await asyncio.wait(tasks, timeout=0.5)  # raises nothing
    print(f"after the timeout: {len(done)} done, {len(pending)} pending")
    print("main moves on to other work...")
    await asyncio.sleep(1.0)
    print("main is done")


asyncio.run(main())
