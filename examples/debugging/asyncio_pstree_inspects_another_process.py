import asyncio
import ctypes
import subprocess
import sys


def let_my_user_inspect_me():
    """Linux's Yama module (ptrace_scope 1, Ubuntu's default) lets a process be
    read only by its ancestors; the inspector here is a sibling, so say it may."""
    if sys.platform == "linux":
        pr_set_ptracer, any_process = 0x59616D61, ctypes.c_ulong(-1)
        ctypes.CDLL(None).prctl(pr_set_ptracer, any_process, 0, 0, 0)


async def play(track):
    await asyncio.sleep(1)


async def album(tracks):
    async with asyncio.TaskGroup() as tg:
        for track in tracks:
            tg.create_task(play(track), name=track)


async def target():
    """The program being inspected: it knows nothing about the inspection."""
    let_my_user_inspect_me()
    async with asyncio.TaskGroup() as tg:
        tg.create_task(album(["intro", "outro"]), name="side-a")
        tg.create_task(album(["bonus"]), name="side-b")
        await asyncio.sleep(0)  # let the tasks start
        print("ready", flush=True)


async def inspect(pid):
    """Run `python -m asyncio pstree PID` and `ps PID` as from another terminal."""
    for command in ("pstree", "ps"):
        tool = await asyncio.create_subprocess_exec(
            sys.executable, "-m", "asyncio", command, str(pid),
            stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
        )  # fmt: skip
        out, _ = await tool.communicate()
        if tool.returncode:  # e.g. "Error retrieving tasks: ..." without permission
            sys.exit(f"{command} failed: {out.decode().strip()}")
        lines = out.decode().splitlines()
        if command == "pstree":  # task lines only: frame lines name files and lines
            print("$ python -m asyncio pstree PID")
            print("\n".join(line for line in lines if "(T)" in line))
        else:  # one row per task, after a header and a rule; ids vary by run
            names = sorted(row.split()[2] for row in lines[2:])
            print(f"$ python -m asyncio ps PID: {len(names)} tasks: {names}")


async def main():
    child = await asyncio.create_subprocess_exec(
        sys.executable, __file__, "target", stdout=subprocess.PIPE
    )
    await child.stdout.readline()  # "ready": its tasks are running
    await inspect(child.pid)
    await child.wait()


if sys.argv[1:] == ["target"]:
    asyncio.run(target())
else:
    asyncio.run(main())
