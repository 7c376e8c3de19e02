package com.qteria.flags.openfeature;

import com.qteria.flags.FlagsProperties;
import com.qteria.flags.persistence.FlagSwitches;
import dev.openfeature.sdk.OpenFeatureAPI;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenFeature API with the database provider. An isolated API per application context rather than the JVM-wide
 * singleton, so that two contexts in one JVM (tests) never evaluate against each other's database.
 */
@Configuration(proxyBeanMethods = false)
class OpenFeatureConfiguration {

    @Bean
    DatabaseFlagProvider databaseFlagProvider(FlagSwitches switches, FlagsProperties settings) {
        return new DatabaseFlagProvider(switches::all, settings.cacheTtl());
    }

    @Bean(destroyMethod = "shutdown")
    OpenFeatureAPI openFeature(DatabaseFlagProvider provider) {
        OpenFeatureAPI api = OpenFeatureAPI.createIsolated();
        api.setProviderAndWait(provider);
        return api;
    }
}
