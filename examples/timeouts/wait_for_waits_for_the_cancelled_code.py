import asyncio


async def slow_to_cancel():
    try:
        await asyncio.sleep(10)
    finally:
        print("cancelled: cleaning up for 1 s")
        await asyncio.sleep(1)  # wait_for waits for this too


async def refuses_to_cancel():
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        await asyncio.sleep(0.2)
        return "a late result"  # swallows the cancellation: a bug


async def main():
    try:
        await asyncio.wait_for(slow_to_cancel(), timeout=0.5)
    except TimeoutError:
        print("TimeoutError, 1.5 s after the call, not 0.5 s")

    result = await asyncio.wait_for(refuses_to_cancel(), timeout=0.5)
    print(f"no TimeoutError at all: wait_for returned {result!r}")


asyncio.run(main())
