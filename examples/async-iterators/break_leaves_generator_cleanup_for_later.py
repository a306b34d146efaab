import asyncio


async def read_lines():
    print("opening the file")
    try:
        for n in range(1, 100):
            await asyncio.sleep(0.1)
            yield f"line {n}"
    except BaseException as exc:  # to show what stops the generator
        print(f"stopped by {type(exc).__name__}")
        raise
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
