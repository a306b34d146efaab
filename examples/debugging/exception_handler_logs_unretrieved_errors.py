import asyncio
import json
import logging
import sys


class JsonLines(logging.Formatter):
    """One JSON object per record: what a log pipeline can parse and alert on."""

    def format(self, record):
        fields = {"level": record.levelname, "logger": record.name}
        fields["event"] = record.getMessage()
        fields.update(getattr(record, "fields", {}))
        return json.dumps(fields)


def report_asyncio_error(loop, context):
    """Called by the loop for errors nobody else will see, instead of its default."""
    error = context.get("exception")
    task = context.get("future")
    fields = {
        "task": task.get_name() if isinstance(task, asyncio.Task) else None,
        "error": type(error).__name__ if error else None,
        "detail": str(error) if error else None,
    }
    logging.getLogger("asyncio").error(context["message"], extra={"fields": fields})


async def charge_card(order_id):
    await asyncio.sleep(0.1)
    raise ValueError(f"card declined for order {order_id}")


async def main():
    asyncio.get_running_loop().set_exception_handler(report_asyncio_error)
    # Nobody keeps or awaits this task, so nobody will ever see its exception.
    asyncio.create_task(charge_card(17), name="charge-17")  # noqa: RUF006
    await asyncio.sleep(0.3)
    print("main: done")


handler = logging.StreamHandler(sys.stdout)
handler.setFormatter(JsonLines())
logging.basicConfig(handlers=[handler], level=logging.INFO)
asyncio.run(main())
