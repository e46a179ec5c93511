/**
 * The {@code dumbno} command line (picocli): {@code Main} runs {@code DumbnoCommand}, whose
 * subcommands are {@code serve}, {@code setup}, {@code add}, {@code remove}, {@code list},
 * {@code stats}, {@code status}, {@code flush}, {@code simulate} and {@code plot}, one class each.
 * {@code add} and {@code remove} ask a running server through {@link org.dumbno.client.ACLClient}
 * or, with {@code --config}, drive the engine on the switch themselves; the rest reach the switch
 * of a configuration through {@code SwitchAccess}. Exit codes are in {@code ExitCodes}. Nothing
 * here is API: only {@code Main}, the jar's entry point, and {@code ConsoleLogging}, which logback
 * finds as a service, are public.
 */
package org.dumbno.cli;
