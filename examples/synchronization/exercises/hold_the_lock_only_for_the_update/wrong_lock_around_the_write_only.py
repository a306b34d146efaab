import asyncio


async def import_file(lock, totals, name, rows):
    await asyncio.sleep(1)  # download the file: touches no shared state
    count = totals["rows"]
    await asyncio.sleep(0.1)  # write the new total to the database
    # Locking the write alone is too late: the total was read before the await.
    async with lock:
        totals["rows"] = count + rows
    print(f"{name}: {rows} rows imported, total {totals['rows']}")


async def main():
    totals = {"rows": 0}
    lock = asyncio.Lock()
    async with asyncio.TaskGroup() as group:
        group.create_task(import_file(lock, totals, "jan.csv", 10))
        group.create_task(import_file(lock, totals, "feb.csv", 20))
        group.create_task(import_file(lock, totals, "mar.csv", 30))
    print(f"final total: {totals['rows']} rows")


asyncio.run(main())
