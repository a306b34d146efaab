import asyncio


async def read_log():
    print("opening the log")
    try:
        for number in range(1, 100):
            await asyncio.sleep(0.1)  # the next line arrives
            yield f"line {number}"
    finally:
        print("closing the log")


async def main():
    lines = read_log()
    async for line in lines:
        if line == "line 3":
            print(f"found {line}")
            break
    print("writing the report")
    await asyncio.sleep(0.5)  # other work, which does not need the log
    print("report written")
    # Closed, but only after the other work: the log stayed open all along.
    await lines.aclose()


asyncio.run(main())
