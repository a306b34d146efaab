"""The network guard and the check of what an example leaves behind.

The guard is tested without sending anything off this machine: its hook is called on
audit events directly, and the end-to-end tests, where an example really tries to reach
192.0.2.1 (TEST-NET-1, a range reserved for documentation), run the suite inside a network
namespace that has nothing but loopback (`unshare -rn`), so that even a broken guard
sends nothing. Without `unshare` (or where user namespaces are not allowed) they skip and
say why.
"""

from __future__ import annotations

import contextlib
import shutil
import socket
import subprocess
import sys
import textwrap
from pathlib import Path

import psutil
import pytest

from checked_examples.run import pythons
from checked_examples.run.network_guard import NetworkGuardError, hook_writing_to, refused
from checked_examples.run.runner import Run, run_program
from harness.one_page import PAGE, OnePage, output

OFF_MACHINE = "192.0.2.1"  # TEST-NET-1: documentation only, never routed


@pytest.mark.parametrize(
    ("event", "args"),
    [
        ("socket.connect", (None, (OFF_MACHINE, 80))),
        ("socket.connect", (None, ("2001:db8::1", 80, 0, 0))),
        ("socket.sendto", (None, (OFF_MACHINE, 53))),
        ("socket.sendmsg", (None, (OFF_MACHINE, 53))),
        ("socket.bind", (None, ("0.0.0.0", 0))),
        ("socket.bind", (None, ("", 8000))),
        ("socket.getaddrinfo", ("example.com", 443, 0, 0, 0)),
        ("socket.getaddrinfo", (b"example.com", 443, 0, 0, 0)),
        ("socket.gethostbyname", ("example.com",)),
        ("socket.gethostbyaddr", (OFF_MACHINE,)),
        ("socket.getnameinfo", ((OFF_MACHINE, 80),)),
    ],
)
def test_the_guard_refuses_what_is_not_loopback(event: str, args: tuple, tmp_path: Path) -> None:
    report = tmp_path / "report"
    hook = hook_writing_to(str(report))
    with pytest.raises(NetworkGuardError, match=r"network guard: .* which is not loopback"):
        hook(event, args)
    # Noted for the suite as well: a program that catches the error still fails.
    assert "which is not loopback" in report.read_text()


@pytest.mark.parametrize(
    ("event", "args"),
    [
        ("socket.connect", (None, ("127.0.0.1", 80))),
        ("socket.connect", (None, ("127.8.9.10", 80))),
        ("socket.connect", (None, ("::1", 80, 0, 0))),
        ("socket.connect", (None, ("::ffff:127.0.0.1", 80, 0, 0))),
        ("socket.connect", (None, "/tmp/a-unix-socket")),
        ("socket.sendmsg", (None, None)),  # a connected socket: its connect was checked
        ("socket.bind", (None, ("127.0.0.1", 0))),
        ("socket.getaddrinfo", ("localhost", 80, 0, 0, 0)),
        ("socket.getaddrinfo", ("LOCALHOST.", 80, 0, 0, 0)),
        ("socket.getaddrinfo", (None, 80, 0, 0, 0)),
        ("socket.getaddrinfo", ("127.0.0.1", 80, 0, 0, 0)),
        ("socket.gethostbyaddr", ("127.0.0.1",)),
        ("socket.getnameinfo", (("::1", 80),)),
        ("socket.gethostname", ()),  # the machine's own name, asked of no one
        ("socket.__new__", (None, socket.AF_INET, socket.SOCK_STREAM, 0)),
    ],
)
def test_the_guard_lets_loopback_through(event: str, args: tuple) -> None:
    assert refused(event, args) is None


def test_the_guard_names_the_address_and_the_verb() -> None:
    hook = hook_writing_to("/dev/null")
    with pytest.raises(NetworkGuardError, match=r"tried to serve on every interface \(''\)"):
        hook("socket.bind", (None, ("", 8000)))
    with pytest.raises(NetworkGuardError, match=r"tried to resolve example\.com"):
        hook("socket.getaddrinfo", ("example.com", 443, 0, 0, 0))


def _in_a_loopback_only_namespace() -> list[str]:
    """The command prefix that runs a program with no network but loopback, or a skip."""
    unshare, ip = shutil.which("unshare"), shutil.which("ip")
    if unshare is None or ip is None:
        pytest.skip("NOT RUN: the guard's end-to-end tests need `unshare` and `ip` (Linux)")
    # A new namespace's loopback starts down; `ip` brings it up, then runs the command.
    prefix = [unshare, "--user", "--map-root-user", "--net", "--"]
    prefix += ["sh", "-c", f'{ip} link set lo up && exec "$@"', "sh"]
    probe = subprocess.run(
        [*prefix, sys.executable, "-c", "import socket; print(socket.if_nameindex())"],
        capture_output=True,
        text=True,
        timeout=30,
    )
    if probe.returncode != 0:
        pytest.skip(f"NOT RUN: this machine refuses a network namespace: {probe.stderr.strip()}")
    assert probe.stdout.strip() == "[(1, 'lo')]", f"not a loopback-only namespace: {probe.stdout}"
    return prefix


def _check_in_namespace(project: OnePage) -> pytest.RunResult:
    return project.run_wrapped(*_in_a_loopback_only_namespace())


REACHES_OUT = f"""\
import asyncio


async def main():
    print("start")
    try:
        await asyncio.open_connection("{OFF_MACHINE}", 80)
    except Exception:
        pass  # a program that swallows the error is still caught
    await asyncio.sleep(0.3)
    print("end")


asyncio.run(main())
"""


def test_an_example_reaching_off_the_machine_fails_with_the_address_and_line(
    project: OnePage,
) -> None:
    project.write("examples/page/lesson.py", REACHES_OUT)
    result = _check_in_namespace(project)
    assert result.ret == 1, output(result)
    assert "docs/page.md:3 (lesson.py" in output(result)
    assert (
        f"network guard: lesson.py:7: the example tried to connect to {OFF_MACHINE} port 80"
        in output(result)
    )


def test_a_child_process_of_the_example_is_guarded_too(project: OnePage) -> None:
    child = f"import socket; socket.create_connection(('{OFF_MACHINE}', 80), timeout=1)"
    program = textwrap.dedent(f"""\
        import subprocess
        import sys
        import time

        print("start")
        subprocess.run([sys.executable, "-c", {child!r}], stderr=subprocess.DEVNULL)
        time.sleep(0.3)
        print("end")
        """)
    project.write("examples/page/lesson.py", program)
    result = _check_in_namespace(project)
    assert result.ret == 1, output(result)
    assert "docs/page.md:3 (lesson.py" in output(result)
    # socket.create_connection looks the address up first: refused there.
    assert f"<string>:1 (python -c): the example tried to resolve {OFF_MACHINE}" in output(result)


def test_an_example_on_loopback_passes_the_guard(project: OnePage) -> None:
    server = """\
    import asyncio


    async def main():
        async def greet(reader, writer):
            writer.write(b"end\\n")
            writer.close()
            await writer.wait_closed()

        server = await asyncio.start_server(greet, "localhost", 0)
        port = server.sockets[0].getsockname()[1]
        print("start")
        await asyncio.sleep(0.3)
        reader, writer = await asyncio.open_connection("127.0.0.1", port)
        print((await reader.readline()).decode().strip())
        writer.close()
        await writer.wait_closed()
        server.close()
        await server.wait_closed()


    asyncio.run(main())
    """
    project.write("examples/page/lesson.py", server)
    result = _check_in_namespace(project)
    assert result.ret == 0, output(result)[-3000:]


def _run(program: str, tmp_path: Path) -> Run:
    run = run_program(textwrap.dedent(program), "lesson.py", tmp_path, timeout=20)
    assert run.returncode == 0, run.stderr
    return run


def _report(program: str, tmp_path: Path) -> list[str]:
    return _run(program, tmp_path).harness_report


def test_a_thread_left_running_is_named(tmp_path: Path) -> None:
    (report,) = _report(
        """\
        import threading
        import time

        threading.Thread(target=time.sleep, args=(5,), name="forgotten", daemon=True).start()
        """,
        tmp_path,
    )
    assert "left these behind when it ended: thread 'forgotten' (daemon)" in report


def test_a_socket_left_open_is_named(tmp_path: Path) -> None:
    (report,) = _report(
        """\
        import socket
        import warnings

        warnings.simplefilter("ignore", ResourceWarning)  # hidden: still found
        listener = socket.create_server(("127.0.0.1", 0))
        """,
        tmp_path,
    )
    assert "left these behind when it ended: socket (file descriptor" in report
    assert "bound to ('127.0.0.1'," in report


def test_a_child_process_left_running_is_named_and_stopped(tmp_path: Path) -> None:
    run = _run(
        """\
        import subprocess
        import sys
        import warnings

        warnings.simplefilter("ignore", ResourceWarning)
        child = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(30)"])
        print(child.pid)
        """,
        tmp_path,
    )
    (report,) = run.harness_report
    assert f"left processes running when it ended (stopped now): {int(run.stdout)} (" in report
    with contextlib.suppress(psutil.NoSuchProcess):
        assert psutil.Process(int(run.stdout)).status() == psutil.STATUS_ZOMBIE


def test_a_tidy_program_leaves_nothing_to_report(tmp_path: Path) -> None:
    assert (
        _report(
            """\
            import asyncio
            import sys


            async def main():
                server = await asyncio.start_server(lambda r, w: w.close(), "127.0.0.1", 0)
                child = await asyncio.create_subprocess_exec(sys.executable, "-c", "pass")
                await child.wait()
                await asyncio.to_thread(sum, [1, 2])
                server.close()
                await server.wait_closed()


            asyncio.run(main())
            """,
            tmp_path,
        )
        == []
    )


def test_a_leftover_fails_the_example_even_when_it_declares_an_exception(
    project: OnePage,
) -> None:
    program = textwrap.dedent("""\
        import threading
        import time

        print("start")
        threading.Thread(target=time.sleep, args=(5,), daemon=True).start()
        time.sleep(0.3)
        print("end")
        raise ValueError("the lesson")
        """)
    project.write("examples/page/lesson.py", program)
    declared = 'duration="0.3" raises="ValueError"'
    project.write("docs/page.md", PAGE.replace('duration="0.3"', declared))
    result = project.check()
    assert result.ret == 1
    assert "docs/page.md:3 (lesson.py" in output(result)
    assert "the example left these behind when it ended: thread" in output(result)


def test_the_guard_and_the_leftovers_check_work_in_another_python(
    tmp_path: Path, other_python: pythons.Python
) -> None:
    # --also-python runs programs in another interpreter: the start-up modules load
    # there too. A bind on every interface is refused, yet sends nothing if it were not.
    program = """\
        import socket
        import sys
        import threading
        import time

        try:
            socket.socket().bind(("0.0.0.0", 0))
        except RuntimeError:
            pass
        threading.Thread(target=time.sleep, args=(5,), name="forgotten", daemon=True).start()
        print("{}.{}".format(*sys.version_info[:2]))
        """
    run = run_program(
        textwrap.dedent(program), "lesson.py", tmp_path, timeout=20, python=other_python.executable
    )
    assert run.returncode == 0, run.stderr
    assert run.stdout == f"{other_python.name}\n"
    guard, leftovers = run.harness_report
    assert "network guard: lesson.py:7: the example tried to serve on 0.0.0.0 port 0" in guard
    assert "left these behind when it ended: thread 'forgotten' (daemon)" in leftovers
