##! Asks dumbno to shunt a TCP connection once it has carried more than
##! Dumbno::shunt_bytes in either direction, and to take the shunt away again
##! when the connection ends (its FIN or RST still reaches the sensor), so the
##! switch's TCAM is not held until dumbno's idle sweep.
##!
##! This is a readable example of the request a sensor sends, not the
##! production path: production sensors use the dumbno Zeek plugin, which sends
##! the datagram from inside Zeek. This script starts a small helper process
##! per request (examples/clients/dumbno_client.py), which is fine for a few
##! elephant flows a minute and nothing more.
##!
##! Use: copy this script and dumbno_client.py to the sensor, then in local.zeek
##!     @load /path/to/dumbno.zeek
##!     redef Dumbno::server = "192.0.2.10:9000";
##!     redef Dumbno::client = "/opt/dumbno/examples/clients/dumbno_client.py";

@load base/protocols/conn

module Dumbno;

export {
	## The dumbno server, host:port (or [IPv6 address]:port).
	const server = "127.0.0.1:9000" &redef;

	## The helper that sends one request datagram and waits for the reply.
	const client = "/opt/dumbno/examples/clients/dumbno_client.py" &redef;

	## Bytes one direction of a connection must carry before it is shunted.
	const shunt_bytes: count = 100 * 1024 * 1024 &redef;

	## One request, as dumbno reads it. to_json() turns it into
	## {"op": "add", "src": "10.1.2.3", "dst": "192.0.2.9", "proto": "tcp", "sport": 51234, "dport": 443}
	## ("op" is "remove" to take the shunt away; servers that predate it ignore the key).
	type Request: record {
		op: string;
		src: addr;
		dst: addr;
		proto: string;
		sport: count;
		dport: count;
	};
}

# Connections already asked for, so that each is asked for once.
global requested: set[string] &create_expire = 10 min;

# Connections shunted, so that each is released when it ends.
global shunted: set[string];

function request_for(c: connection, op: string): Request
	{
	return Request($op = op, $src = c$id$orig_h, $dst = c$id$resp_h, $proto = "tcp",
	               $sport = port_to_count(c$id$orig_p),
	               $dport = port_to_count(c$id$resp_p));
	}

function run_client(c: connection, op: string)
	{
	local json = to_json(request_for(c, op));
	# Run in the background: the helper may wait a few seconds for the reply,
	# and Zeek must not. Its exit status (0 only on "ok") is not needed here;
	# the dumbno server logs every shunt.
	system(fmt("%s --server %s --json %s >/dev/null 2>&1 &",
	           safe_shell_quote(client), safe_shell_quote(server),
	           safe_shell_quote(json)));
	}

function send_request(c: connection)
	{
	if ( c$uid in requested )
		return;
	add requested[c$uid];
	add shunted[c$uid];
	run_client(c, "add");
	}

event connection_established(c: connection)
	{
	ConnThreshold::set_bytes_threshold(c, shunt_bytes, T);
	ConnThreshold::set_bytes_threshold(c, shunt_bytes, F);
	}

event ConnThreshold::bytes_threshold_crossed(c: connection, threshold: count, is_orig: bool)
	{
	if ( threshold == shunt_bytes )
		send_request(c);
	}

event connection_state_remove(c: connection)
	{
	if ( c$uid !in shunted )
		return;
	delete shunted[c$uid];
	run_client(c, "remove");
	}
