package com.qteria.flags.web;

/** A switch's new position: on, off, or null to take the wider scope's value again. */
record FlagSwitch(Boolean enabled) {
}
