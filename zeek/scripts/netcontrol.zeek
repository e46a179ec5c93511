##! A NetControl backend that hands the framework's rules to dumbno, so that
##! NetControl::shunt_flow(f, 10min), and any DROP rule with target MONITOR on
##! a connection or a single host, keep that traffic from the sensors on the
##! Arista tap aggregator. NetControl::drop_connection and drop_address make
##! FORWARD rules, which a tap aggregator cannot carry out: they are left to
##! other backends.
##!
##! It speaks the events of NetControl's Broker plugin (broker_add_rule,
##! broker_remove_rule; dumbno answers broker_rule_added, _exists, _removed,
##! _error and _timeout), so the framework's own handlers of those replies do
##! the rest. Unlike the stock plugin it is active at once and publishes with
##! Cluster::publish, which reaches WebSocket clients such as dumbno under every
##! cluster backend (Broker::publish does not under Zeek 8's default one).
##! dumbno expires the rules itself (can_expire): a rule's expire is its
##! shunt's hard timeout, and an idle shunt goes earlier, reported as a
##! timeout with what it matched.

@load base/frameworks/cluster
@load base/frameworks/netcontrol
@load ./main

module Dumbno;

export {
	## Start the NetControl backend in NetControl::init.
	const netcontrol = T &redef;

	## The backend's priority among NetControl's plugins.
	const netcontrol_priority: int = 0 &redef;
}

# Rules dumbno can shunt: a drop of what the monitoring tap sees, of a flow,
# a connection or an address. Others are left to other backends.
function dumbno_can_shunt(r: NetControl::Rule): bool
	{
	if ( r$ty != NetControl::DROP || r$target != NetControl::MONITOR )
		return F;
	local ty = r$entity$ty;
	return ty == NetControl::FLOW || ty == NetControl::CONNECTION || ty == NetControl::ADDRESS;
	}

function dumbno_name(p: NetControl::PluginState): string
	{
	return fmt("Dumbno-%s", topic);
	}

function dumbno_add_rule(p: NetControl::PluginState, r: NetControl::Rule): bool
	{
	if ( ! dumbno_can_shunt(r) )
		return F;
	Cluster::publish(topic + "/netcontrol", NetControl::broker_add_rule, p$broker_id, r);
	return T;
	}

function dumbno_remove_rule(p: NetControl::PluginState, r: NetControl::Rule, reason: string): bool
	{
	if ( ! dumbno_can_shunt(r) )
		return F;
	Cluster::publish(topic + "/netcontrol", NetControl::broker_remove_rule, p$broker_id, r, reason);
	return T;
	}

function dumbno_init(p: NetControl::PluginState)
	{
	Cluster::subscribe(topic + "/netcontrol/reply");
	NetControl::plugin_activated(p);
	}

global dumbno_plugin = NetControl::Plugin(
	$name=dumbno_name,
	$can_expire=T,
	$add_rule=dumbno_add_rule,
	$remove_rule=dumbno_remove_rule,
	$init=dumbno_init
	);

event NetControl::init()
	{
	if ( ! netcontrol )
		return;
	# create_broker registers the state under a broker id, which the
	# framework's broker_rule_* handlers look the replies up by. The host and
	# port are never peered with: this plugin replaces the Broker one's init.
	local config = NetControl::BrokerConfig($topic=topic + "/netcontrol",
	                                        $host=0.0.0.0, $bport=0/tcp,
	                                        $monitor=T, $forward=F);
	local p = NetControl::create_broker(config, T);
	p$plugin = dumbno_plugin;
	NetControl::activate(p, netcontrol_priority);
	}
