import asyncio
import logging
import re
import sys
import time


class SlowStepLine(logging.Formatter):
    """asyncio's warning names the task with its file paths; keep what is stable."""

    def format(self, record):
        task, _ = record.args  # from 'Executing %s took %.3f seconds'
        name = re.search(r"name='([^']*)'", task).group(1)
        limit = asyncio.get_running_loop().slow_callback_duration
        return f"asyncio logger: a step of {name} took more than {limit} s"


async def build_report(name):
    print(f"{name}: blocking the loop for 0.15 s")
    time.sleep(0.15)  # noqa: ASYNC251 (the blocking call is the lesson)


async def main():
    loop = asyncio.get_running_loop()
    print(f"threshold: {loop.slow_callback_duration} s")
    await asyncio.create_task(build_report("report-1"), name="report-1")
    loop.slow_callback_duration = 0.5  # only the worst offenders now
    print(f"threshold: {loop.slow_callback_duration} s")
    await asyncio.create_task(build_report("report-2"), name="report-2")


handler = logging.StreamHandler(sys.stdout)
handler.setFormatter(SlowStepLine())
logging.getLogger("asyncio").addHandler(handler)
asyncio.run(main(), debug=True)
