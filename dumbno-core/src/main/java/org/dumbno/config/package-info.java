/**
 * Configuration: the INI file every dumbno deployment already has, loaded into one immutable value.
 *
 * <p>Entry points: {@link org.dumbno.config.DumbnoConfig#load(java.nio.file.Path)} reads a file,
 * {@link org.dumbno.config.DumbnoConfig#builder()} builds one in code. The value is composed of
 * {@link org.dumbno.config.SwitchSettings} ({@code [switch]}),
 * {@link org.dumbno.config.DumbnoSettings} ({@code [dumbno]}) and
 * {@link org.dumbno.config.SimulatedSettings} ({@code [simulated]}); the interface tables and the
 * two-tuple hosts sit on {@link org.dumbno.config.DumbnoConfig} itself. Passwords are held in a
 * {@link org.dumbno.config.Secret}; every problem is one {@link org.dumbno.config.ConfigException}
 * line naming file, section, key and value.
 */
package org.dumbno.config;
