##! Asks dumbno to shunt a connection, or to take the shunt away, over Zeek's
##! WebSocket API: dumbno connects to Zeek (its [zeek] section) and subscribes to
##! Dumbno::topic. Dumbno::shunt(c) publishes a Dumbno::request on
##! TOPIC/request; dumbno answers Dumbno::reply on TOPIC/reply with exactly what
##! it answers a UDP request ("ok" or "error: ..."), and Dumbno::removed when the
##! shunt leaves the switch. dumbno.log has one line per request, reply and
##! removal.

@load base/frameworks/cluster
@load base/protocols/conn

module Dumbno;

export {
	redef enum Log::ID += { LOG };

	## The topic of dumbno's [zeek] section (topic = zeek/dumbno by default).
	const topic = "zeek/dumbno" &redef;

	## When more than 0: shunt every connection once one direction of it has
	## carried this many bytes, and release it when the connection ends.
	const shunt_bytes: count = 0 &redef;

	## One line of dumbno.log.
	type Info: record {
		## When the line was written.
		ts: time &log;
		## The request's cookie: a reply and a removal carry it.
		cookie: count &log;
		## The connection asked for.
		uid: string &log;
		## "add" or "remove" for a request and its reply, "removed" for a removal.
		op: string &log;
		## The flow; 0 and "" mean any.
		src: addr &log;
		sport: count &log;
		dst: addr &log;
		dport: count &log;
		proto: string &log;
		## dumbno's reply ("ok" or "error: ..."), or why the shunt went
		## ("idle", "hard_timeout", "by_hand", "request").
		result: string &log &optional;
		## Packets the shunt kept from the sensors, for a removal.
		packets: count &log &optional;
	};

	## Every line written to dumbno.log.
	global log_dumbno: event(rec: Info);

	## Shunts the connection's flow (addresses, protocol and ports); returns the
	## request's cookie.
	global shunt: function(c: connection): count;

	## Takes the connection's shunt away; returns the request's cookie.
	global release: function(c: connection): count;

	## What dumbno takes on TOPIC/request: the UDP request in Zeek types, ""
	## and 0 meaning any.
	global request: event(cookie: count, op: string, src: string, dst: string,
	                      proto: string, sport: count, dport: count);

	## dumbno's answer on TOPIC/reply: "ok" or "error: <reason>".
	global reply: event(cookie: count, result: string);

	## A shunt added by the request with this cookie left the switch.
	global removed: event(cookie: count, reason: string, packets: count);
}

# Requests this node sent, by cookie, until their shunt is reported gone.
global sent: table[count] of Info &create_expire=1day;

# Cookies start at a random point (zeek_init) so that the nodes of a cluster do
# not share them.
global last_cookie: count = 0;

# Connections shunted by shunt_bytes, released when they end.
global shunted: set[string] &create_expire=1day;

function flow_proto(c: connection): string
	{
	switch ( get_port_transport_proto(c$id$resp_p) )
		{
		case tcp:
			return "tcp";
		case udp:
			return "udp";
		case icmp:
			return is_v6_addr(c$id$orig_h) ? "icmpv6" : "icmp";
		default:
			return "";
		}
	}

function ask(c: connection, op: string): count
	{
	local proto = flow_proto(c);
	local ports = proto == "tcp" || proto == "udp";
	local sport = ports ? port_to_count(c$id$orig_p) : 0;
	local dport = ports ? port_to_count(c$id$resp_p) : 0;
	last_cookie += 1;
	local cookie = last_cookie;
	local info = Info($ts=network_time(), $cookie=cookie, $uid=c$uid, $op=op,
	                  $src=c$id$orig_h, $sport=sport, $dst=c$id$resp_h,
	                  $dport=dport, $proto=proto);
	sent[cookie] = info;
	Log::write(LOG, info);
	Cluster::publish(topic + "/request", Dumbno::request, cookie, op,
	                 cat(c$id$orig_h), cat(c$id$resp_h), proto, sport, dport);
	return cookie;
	}

function shunt(c: connection): count
	{
	return ask(c, "add");
	}

function release(c: connection): count
	{
	return ask(c, "remove");
	}

# Replies and removals reach every node subscribed to TOPIC/reply; each node logs
# those of the requests it sent.
event Dumbno::reply(cookie: count, result: string)
	{
	if ( cookie !in sent )
		return;
	local info = copy(sent[cookie]);
	info$ts = network_time();
	info$result = result;
	Log::write(LOG, info);
	if ( info$op != "add" || result != "ok" )
		delete sent[cookie];
	}

event Dumbno::removed(cookie: count, reason: string, packets: count)
	{
	if ( cookie !in sent )
		return;
	local info = copy(sent[cookie]);
	info$ts = network_time();
	info$op = "removed";
	info$result = reason;
	info$packets = packets;
	Log::write(LOG, info);
	delete sent[cookie];
	}

event connection_established(c: connection)
	{
	if ( shunt_bytes == 0 )
		return;
	ConnThreshold::set_bytes_threshold(c, shunt_bytes, T);
	ConnThreshold::set_bytes_threshold(c, shunt_bytes, F);
	}

event ConnThreshold::bytes_threshold_crossed(c: connection, threshold: count, is_orig: bool)
	{
	if ( shunt_bytes == 0 || threshold != shunt_bytes || c$uid in shunted )
		return;
	add shunted[c$uid];
	shunt(c);
	}

event connection_state_remove(c: connection)
	{
	if ( c$uid !in shunted )
		return;
	delete shunted[c$uid];
	release(c);
	}

event zeek_init() &priority=5
	{
	Log::create_stream(Dumbno::LOG, [$columns=Info, $ev=log_dumbno, $path="dumbno"]);
	Cluster::subscribe(topic + "/reply");
	last_cookie = rand(4294967295) * 4294967296;
	}
