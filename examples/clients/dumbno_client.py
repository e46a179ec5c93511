#!/usr/bin/env python3
"""Ask a dumbno server to shunt one flow (or take its shunt away), and print its reply.

Standard library only. Sends one JSON datagram, waits a second for the reply,
and tries three times in all before giving up. Unset fields are sent as null,
which dumbno reads as "any".

    dumbno_client.py --server 192.0.2.10:9000 --src 10.1.2.3 --dst 192.0.2.9 \\
        --proto tcp --sport 51234 --dport 443
    dumbno_client.py --server [2001:db8::10]:9000 --json '{"src": "2001:db8::1"}'
    dumbno_client.py --remove --src 10.1.2.3 --dst 192.0.2.9 --proto tcp --dport 443

Exit status: 0 when the server answered "ok", 1 when it answered anything
else, 2 on a bad command line, 3 when no reply came.
"""

import argparse
import json
import socket
import sys
import time

DEFAULT_PORT = 9000
TIMEOUT_SECONDS = 1.0
TRIES = 3


def parse_server(text):
    """Split "host", "host:port" or "[v6 address]:port" into (host, port)."""
    if text.startswith("["):
        host, sep, rest = text[1:].partition("]")
        if not sep or (rest and not rest.startswith(":")):
            raise ValueError("server (%s) must be host:port or [address]:port" % text)
        port = rest[1:] or DEFAULT_PORT
    elif text.count(":") == 1:
        host, port = text.split(":")
    else:
        host, port = text, DEFAULT_PORT
    try:
        port = int(port)
    except ValueError:
        port = 0
    if not host or not 1 <= port <= 65535:
        raise ValueError("server (%s) must be host:port with a port 1-65535" % text)
    return host, port


def build_request(src=None, dst=None, proto=None, sport=None, dport=None, remove=False):
    """The request datagram, as the original client sent it: every key, null when unset.
    A removal carries "op": "remove" as well."""
    request = {"src": src, "dst": dst, "proto": proto, "sport": sport, "dport": dport}
    if remove:
        request = dict(op="remove", **request)
    return json.dumps(request).encode("utf-8")


def send_request(host, port, payload, timeout=TIMEOUT_SECONDS, tries=TRIES):
    """Send payload until the server answers; return the reply bytes, or None."""
    family, kind, proto, _, address = socket.getaddrinfo(host, port, 0, socket.SOCK_DGRAM)[0]
    with socket.socket(family, kind, proto) as sock:
        sock.settimeout(timeout)
        # A connected socket only receives datagrams from the server itself.
        sock.connect(address)
        for _ in range(tries):
            try:
                sock.send(payload)
                reply = sock.recv(65535)
            except socket.timeout:
                continue
            except ConnectionRefusedError:
                # Nothing listening (ICMP port unreachable): the server may be restarting,
                # so wait as long as for a reply before the next try.
                time.sleep(timeout)
                continue
            return reply
    return None


def port_number(text):
    try:
        value = int(text)
    except ValueError:
        value = 0
    if not 1 <= value <= 65535:
        raise argparse.ArgumentTypeError("port (%s) must be 1-65535" % text)
    return value


def main(argv=None):
    parser = argparse.ArgumentParser(description="Ask a dumbno server to shunt a flow.")
    parser.add_argument("--server", default="127.0.0.1:%d" % DEFAULT_PORT,
                        help="dumbno server, host:port (default: %(default)s)")
    parser.add_argument("--src", help="source address")
    parser.add_argument("--dst", help="destination address")
    parser.add_argument("--proto", help="ip, ipv6, tcp, udp, icmp, icmpv6, sctp or a number")
    parser.add_argument("--sport", type=port_number, help="source port")
    parser.add_argument("--dport", type=port_number, help="destination port")
    parser.add_argument("--remove", action="store_true",
                        help="take the flow's shunt away instead of adding one")
    parser.add_argument("--json", help="send this JSON text as it is, instead of the fields above")
    args = parser.parse_args(argv)

    try:
        host, port = parse_server(args.server)
    except ValueError as e:
        parser.error(str(e))
    if args.json is not None:
        payload = args.json.encode("utf-8")
    else:
        payload = build_request(args.src, args.dst, args.proto, args.sport, args.dport, args.remove)

    try:
        reply = send_request(host, port, payload)
    except OSError as e:
        print("dumbno_client: %s: %s" % (args.server, e), file=sys.stderr)
        return 3
    if reply is None:
        print("dumbno_client: no reply from %s after %d tries" % (args.server, TRIES), file=sys.stderr)
        return 3
    print(reply.decode("utf-8", "replace"))
    return 0 if reply == b"ok" else 1


if __name__ == "__main__":
    sys.exit(main())
