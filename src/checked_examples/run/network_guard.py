"""Keep a running example on this machine: loopback (127.0.0.0/8, ::1, localhost) only.

The harness copies this file beside the child's `sitecustomize`, which calls `install()`
before the program runs (and in every Python process the program starts, which inherits
the variable that asks for it). An audit hook sees each socket call before the call is
made (https://docs.python.org/3/library/audit_events.html); for an address that is not
loopback it raises, so the call is aborted and no packet leaves, and it writes the address
and the example's line to a file the suite reads, so it fails the example even if the
program catches the error. It guards what goes through Python's `socket` module; a C
library with sockets of its own (c-ares, libpq) is not audited, which is why its
end-to-end tests run in a network namespace with nothing but loopback.
"""

from __future__ import annotations

import ipaddress
import os
import sys

# The event's arguments: where the address or host name is, by event.
# gethostbyname_ex raises socket.gethostbyname too (checked on 3.11 to 3.13).
_ADDRESS_EVENTS = {"socket.connect", "socket.sendto", "socket.sendmsg", "socket.bind"}
_HOST_EVENTS = {"socket.getaddrinfo", "socket.gethostbyname", "socket.gethostbyaddr"}


class NetworkGuardError(RuntimeError):
    """An example tried to reach, resolve or serve on something other than loopback."""


def is_loopback_host(host: object) -> bool:
    """True for a host name or address that stays on this machine."""
    if host is None:
        return True  # getaddrinfo(None, port): the loopback or wildcard of a local service
    if isinstance(host, bytes):
        host = host.decode("ascii", errors="replace")
    if not isinstance(host, str):
        return False
    name = host.rstrip(".").lower()
    if name == "localhost":
        return True
    try:
        address = ipaddress.ip_address(name.strip("[]"))
    except ValueError:
        return False  # any other name would be resolved, and resolving asks the network
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped:
        address = address.ipv4_mapped
    return address.is_loopback


def refused(event: str, args: tuple) -> str | None:
    """The address an event would reach that is not loopback, or None if it may go on."""
    if event in _ADDRESS_EVENTS:
        address = args[1]
        if address is None or isinstance(address, str | bytes):
            return None  # sendmsg on a connected socket; AF_UNIX paths are local files
        if isinstance(address, tuple) and address and isinstance(address[0], str | bytes):
            if is_loopback_host(address[0]):
                return None
            host = str(address[0]) or "every interface ('')"
            return f"{host} port {address[1]}" if len(address) > 1 else host
        return None  # other families (netlink, bluetooth...) are not the internet
    if event in _HOST_EVENTS:
        return None if is_loopback_host(args[0]) else str(args[0])
    if event == "socket.getnameinfo":
        sockaddr = args[0]
        return None if is_loopback_host(sockaddr[0]) else str(sockaddr[0])
    return None


def message(event: str, target: str, where: str) -> str:
    verb = {"socket.bind": "serve on", "socket.connect": "connect to"}.get(event, "reach")
    if event in _HOST_EVENTS or event == "socket.getnameinfo":
        verb = "resolve"
    return (
        f"network guard: {where}: the example tried to {verb} {target} ({event}), which "
        "is not loopback. Examples talk only to servers they start on 127.0.0.1 "
        "(bind 127.0.0.1, port 0) and resolve nothing but localhost."
    )


def example_line(frame, program: str) -> str:
    """The innermost line of the program on this stack, or the best place we can name."""
    outermost = None
    while frame is not None:
        if os.path.abspath(frame.f_code.co_filename) == program:
            return f"{os.path.basename(program)}:{frame.f_lineno}"
        outermost = frame
        frame = frame.f_back
    if outermost is not None and outermost.f_code.co_filename == "<string>":
        return f"<string>:{outermost.f_lineno} (python -c)"
    # A thread that asyncio runs for the program (loop.getaddrinfo), with none of its
    # lines on the stack: the traceback that the await raises names the line.
    return f"{os.path.basename(program)} (a worker thread; its traceback names the line)"


def hook_writing_to(report: str):
    """The audit hook: refuse non-loopback socket calls, noting each in the file `report`."""

    def hook(event: str, args: tuple) -> None:
        if not event.startswith("socket."):
            return
        target = refused(event, args)
        if target is None:
            return
        program = os.path.abspath(sys.argv[0]) if sys.argv and sys.argv[0] else ""
        text = message(event, target, example_line(sys._getframe(1), program))
        with open(report, "a", encoding="utf-8") as file:
            file.write(text + "\n")
        raise NetworkGuardError(text)

    return hook


def install(report: str) -> None:
    sys.addaudithook(hook_writing_to(report))
