/**
 * The output both shell parsers build (the chevrotain grammar and the fast path): the simple
 * commands in source order, the connector before each, and the contexts that pipelines, `!` and
 * `&` add to the commands they cover (once added: their contexts are replaced). One
 * implementation, so the two parsers cannot drift apart.
 */
import type { ShellConnector, ShellContext } from "../../src/model/shell-types.js";

type Ctx = readonly ShellContext[];

/** A command as the lists see it: its contexts, which marks replace (never mutate) while the parse goes on. */
export interface Marked {
  context: Ctx;
}

/**
 * The commands added so far: the grammar's raw commands, or the fast path's built ones.
 *
 * @example
 * ```ts
 * const list = new CommandList<Marked>();
 * list.connector = "&&";
 * list.add({ context: [] });
 * list.connector; // undefined: the next command starts a list of its own
 * ```
 */
export class CommandList<C extends Marked> {
  readonly commands: C[] = [];
  /** The operator before the next command (`&&`, `;`, a newline, …); cleared by {@link add}. */
  connector: ShellConnector = undefined;

  /** Adds a simple command, built with the pending {@link connector}, and clears it. */
  add(command: C): C {
    this.commands.push(command);
    this.connector = undefined;
    return command;
  }

  /** Inserts `context` at `depth` in the contexts of the commands from `first` on (commands that had the same context share the new one). */
  mark(first: number, depth: number, context: ShellContext): void {
    let before: Ctx | undefined;
    let after: Ctx = [];
    for (let i = first; i < this.commands.length; i++) {
      const c = this.commands[i].context;
      if (c !== before) {
        before = c;
        after = depth === c.length ? [...c, context] : [...c.slice(0, depth), context, ...c.slice(depth)];
      }
      this.commands[i].context = after;
    }
  }

  /** Starts an and-or list (`a | b && ! c`) at context depth `depth`; `negated` when it starts with `!`. */
  andOr(depth: number, negated: boolean): AndOrList<C> {
    return new AndOrList(this, depth, negated);
  }
}

/**
 * The pipelines of one and-or list: a pipeline of several commands, or one after `!`, is marked
 * when it ends.
 */
export class AndOrList<C extends Marked> {
  #start: number;
  #piped = false;
  #negated: boolean;

  constructor(
    private readonly list: CommandList<C>,
    private readonly depth: number,
    negated: boolean,
  ) {
    this.#start = list.commands.length;
    this.#negated = negated;
  }

  /** The operator after a command: `|` or `|&` continue the pipeline, `&&` or `||` end it. */
  operator(image: string): void {
    if (image === "|" || image === "|&") {
      this.#piped = true;
      this.list.connector = "|";
      return;
    }
    this.end();
    this.#start = this.list.commands.length;
    this.#piped = false;
    this.list.connector = image as ShellConnector;
  }

  /** Whether the command after an operator is preceded by `!` (it negates a pipeline it starts). */
  negation(negated: boolean): void {
    if (!this.#piped) this.#negated = negated;
  }

  /** Marks the pipeline that ends here. */
  end(): void {
    if (this.#piped) this.list.mark(this.#start, this.depth, "pipeline");
    if (this.#negated) this.list.mark(this.#start, this.depth, "negated");
  }
}
