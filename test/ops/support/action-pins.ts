/**
 * Supply-chain rule for workflow files: every `uses:` names a full commit SHA (a tag can be moved
 * to other code; a commit cannot) and says which release it is in a comment, which is what
 * Dependabot reads and updates. Local actions (`./…`) and Docker references are out of scope.
 */
const USES = /^\s*(?:-\s+)?uses:\s*(\S+)(.*)$/;
const PINNED = /^[\w.-]+\/[\w./-]+@[0-9a-f]{40}$/;
const VERSION_COMMENT = /^\s+#\s+v\d+(\.\d+){0,2}$/;

export interface ActionUse {
  line: number;
  action: string;
  ref: string;
  version: string | undefined;
}

export function actionUses(content: string): ActionUse[] {
  return content.split('\n').flatMap((text, index) => {
    const match = USES.exec(text);
    if (!match || match[1]!.startsWith('./') || match[1]!.startsWith('docker://')) return [];
    const [action = '', ref = ''] = match[1]!.replace(/^['"]|['"]$/g, '').split('@');
    const version = VERSION_COMMENT.test(match[2]!) ? match[2]!.trim().slice(2) : undefined;
    return [{ line: index + 1, action, ref, version }];
  });
}

/** Every `uses:` that is not pinned to a commit with its version beside it. */
export function unpinnedActions(content: string): string[] {
  return actionUses(content)
    .filter((use) => !PINNED.test(`${use.action}@${use.ref}`) || use.version === undefined)
    .map((use) => `line ${use.line}: ${use.action}@${use.ref} (want @<40-hex commit> # vX.Y.Z)`);
}
