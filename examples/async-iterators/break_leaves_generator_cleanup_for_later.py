import asyncio


async def read_lines():
    print("opening the file")
    try:
        for n in range(1, 100):
            await asyncio.sleep(0.1)
            yield f"line {n}"
    finally:
        print("closing the file")


async def main():
    lines = read_lines()
    async for line in lines:
        print(line)
        if line == "line 2":
            break
    print("left the loop")
    await asyncio.sleep(0.3)  # other work, while the file stays open
    print("main is done")


asyncio.run(main())
