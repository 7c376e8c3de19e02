/**
 * Sample content for newcomers: the three sample workflows and the sample documents of a fictitious client package,
 * loaded into an organization with one click from the empty dashboard.
 */
@ApplicationModule(displayName = "Samples")
package com.qteria.demo;

import org.springframework.modulith.ApplicationModule;
