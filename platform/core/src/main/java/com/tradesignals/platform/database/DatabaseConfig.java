package com.tradesignals.platform.database;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "platform.database")
public interface DatabaseConfig {

    /** The longest statement (characters) a connection keeps prepared; longer ones are prepared on every execution. */
    @WithDefault("16384")
    int preparedStatementMaxLength();
}
