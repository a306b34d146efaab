import asyncio


async def import_file(totals, name, rows):
    await asyncio.sleep(1)  # download the file: touches no shared state
    # Without the lock, all three read the total before any of them writes it.
    count = totals["rows"]
    await asyncio.sleep(0.1)  # write the new total to the database
    totals["rows"] = count + rows
    print(f"{name}: {rows} rows imported, total {totals['rows']}")


async def main():
    totals = {"rows": 0}
    async with asyncio.TaskGroup() as group:
        group.create_task(import_file(totals, "jan.csv", 10))
        group.create_task(import_file(totals, "feb.csv", 20))
        group.create_task(import_file(totals, "mar.csv", 30))
    print(f"final total: {totals['rows']} rows")


asyncio.run(main())
