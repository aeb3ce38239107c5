/** An application as a Java module: one {@code requires} gives it the Interpreter and @Model. */
module dev.ember4j.it.app {
    requires dev.ember4j.runtime;
}
