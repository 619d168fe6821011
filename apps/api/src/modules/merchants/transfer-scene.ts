/**
 * The WeChat merchant-transfer (商家转账) scene a merchant account pays franchisees under, and its report items
 * (转账场景报备信息). Pure. Scene 1005 (佣金报酬) with 岗位类型 + 报酬说明 is the platform's default; it is UNCONFIRMED
 * for franchise revenue shares (wechatpay-bills-sharing-complaints.md §7), so an account may store its own.
 * `{period}` in a report item's content becomes the statement's period, `YYYYMMDD-YYYYMMDD`.
 */
export interface TransferSceneReportInfo {
  readonly infoType: string;
  readonly infoContent: string;
}

export interface TransferScene {
  readonly sceneId: string;
  readonly reportInfos: readonly TransferSceneReportInfo[];
}

export const PERIOD_PLACEHOLDER = '{period}';
/** What `{period}` expands to: 17 characters. */
const PERIOD_LENGTH = 'YYYYMMDD-YYYYMMDD'.length;
export const TRANSFER_SCENE_LIMITS = { infos: { min: 1, max: 5 }, infoType: 15, infoContent: 32 } as const;

export const DEFAULT_TRANSFER_SCENE: TransferScene = Object.freeze({
  sceneId: '1005',
  reportInfos: Object.freeze([
    { infoType: '岗位类型', infoContent: '加盟商' },
    { infoType: '报酬说明', infoContent: `分成结算${PERIOD_PLACEHOLDER}` },
  ]),
});

/** The report items as WeChat takes them, `{period}` filled in. */
export function transferSceneReportInfos(scene: TransferScene, periodStart: string, periodEnd: string): { info_type: string; info_content: string }[] {
  const period = `${periodStart.replaceAll('-', '')}-${periodEnd.replaceAll('-', '')}`;
  return scene.reportInfos.map((i) => ({ info_type: i.infoType, info_content: i.infoContent.replaceAll(PERIOD_PLACEHOLDER, period) }));
}

/** Problems of a scene beyond the DTO's field rules: duplicate item types, content too long once `{period}` is filled in. */
export function transferSceneProblems(scene: TransferScene): { field: string; messages: string[] }[] {
  const problems: { field: string; messages: string[] }[] = [];
  const seen = new Set<string>();
  scene.reportInfos.forEach((info, i) => {
    if (seen.has(info.infoType)) problems.push({ field: `reportInfos.${i}.infoType`, messages: [`infoType ${info.infoType} appears twice`] });
    seen.add(info.infoType);
    const expanded = info.infoContent.split(PERIOD_PLACEHOLDER).join('x'.repeat(PERIOD_LENGTH));
    if ([...expanded].length > TRANSFER_SCENE_LIMITS.infoContent) {
      problems.push({ field: `reportInfos.${i}.infoContent`, messages: [`infoContent must be at most ${TRANSFER_SCENE_LIMITS.infoContent} characters once ${PERIOD_PLACEHOLDER} becomes the period (17 characters)`] });
    }
  });
  return problems;
}

/** The scene stored on an account (both columns set), else the default. */
export function transferSceneOf(row: { transferSceneId: string | null; transferSceneReportInfos: readonly TransferSceneReportInfo[] | null }): TransferScene {
  return row.transferSceneId && row.transferSceneReportInfos ? { sceneId: row.transferSceneId, reportInfos: row.transferSceneReportInfos } : DEFAULT_TRANSFER_SCENE;
}
