import asyncio
from contextlib import aclosing


async def read_log():
    print("opening the log")
    try:
        for number in range(1, 100):
            await asyncio.sleep(0.1)  # the next line arrives
            yield f"line {number}"
    finally:
        print("closing the log")


async def main():
    # A break leaves the generator suspended at its yield; aclosing() awaits its
    # aclose() as the block ends, which runs the finally right there.
    async with aclosing(read_log()) as lines:
        async for line in lines:
            if line == "line 3":
                print(f"found {line}")
                break
    print("writing the report")
    await asyncio.sleep(0.5)  # other work, which does not need the log
    print("report written")


asyncio.run(main())
