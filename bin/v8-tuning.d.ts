/** Types of v8-tuning.js, which the launcher loads as plain JavaScript. */
export declare const CLI_V8_FLAGS: readonly string[];
export declare function v8FlagsFor(execArgv: readonly string[]): readonly string[];
export declare function tuneV8(): void;
