/**
 * @dangjian/cli: the `dangjian` command, and its parts for programmatic use.
 *
 * @since 0.1.0
 */
export * as Cli from "./Cli.ts"
export * as Demo from "./Demo.ts"
export * as Exec from "./Exec.ts"
export * as Help from "./Help.ts"
export * as Input from "./Input.ts"
export * as Output from "./Output.ts"
export * as Progress from "./Progress.ts"
export * as Roster from "./Roster.ts"
export * as Rules from "./Rules.ts"
export * as Staging from "./Staging.ts"
export * as Store from "./Store.ts"
export * as Sync from "./Sync.ts"
