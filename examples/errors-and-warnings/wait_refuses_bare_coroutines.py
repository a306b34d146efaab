import asyncio


async def fetch(name, delay):
    await asyncio.sleep(delay)
    return name


async def main():
    done, pending = await asyncio.wait([fetch("users", 0.2), fetch("posts", 0.1)])
    print(f"{len(done)} done, {len(pending)} pending")


asyncio.run(main())
