import asyncio
import shlex
import sys

SHOW_ARGS = shlex.quote("import sys; print(sys.argv[1:])")
PYTHON = shlex.quote(sys.executable)
name = "notes; echo injected"  # a file name a user typed, say


async def output(child):
    out, _ = await child.communicate()
    return out.decode().strip().replace("\n", " | ")


async def main():
    pipe = asyncio.subprocess.PIPE
    # The shell parses the whole string: ";" ends one command and starts another.
    command = f"{PYTHON} -c {SHOW_ARGS} {name}"
    shell = asyncio.create_subprocess_shell(command, stdout=pipe)
    # Quoted, the name is one word again.
    command = f"{PYTHON} -c {SHOW_ARGS} {shlex.quote(name)}"
    shell_quoted = asyncio.create_subprocess_shell(command, stdout=pipe)
    # exec: no shell at all; each argument reaches the child as it is.
    args = ["-c", "import sys; print(sys.argv[1:])", name]
    direct = asyncio.create_subprocess_exec(sys.executable, *args, stdout=pipe)
    children = await asyncio.gather(shell, shell_quoted, direct)
    outputs = await asyncio.gather(*(output(child) for child in children))
    for label, printed in zip(["shell", "shell, quoted", "exec"], outputs, strict=True):
        print(f"{label + ':':15}{printed}")


asyncio.run(main())
