/**
 * The rule catalog: every rule of the rules specification (R1–R96) as data, with its title in zh-CN and en,
 * its class (HARD: a command is rejected; REC: a finding, the event is accepted; CONF: the figure or switch is
 * policy), where it comes from (the regulation and article, or the seed report whose practice it records) and
 * the policy fields that change it. Reach for it to show a rule next to a rejection or a finding (both carry
 * a `ruleId`), to build a rules page or a help screen, or to check which rules a policy field touches.
 *
 * The catalog says what a rule is; it does not say where the code checks it. The documentation site works
 * that out at build time by scanning the source for the rule id, so the two cannot drift apart by hand.
 *
 * Source keys (`ZB`, `NC`, …) are those of the rules specification; {@link documents} names each one.
 * "[V]" marks wording seen in a reproduction of the regulation, "[2nd]" a secondary source, "[NF]" nothing
 * authoritative found, "[V-art?]" wording seen with an inferred article number.
 *
 * @since 0.1.0
 */

/**
 * A rule id: `R1` … `R96`.
 *
 * @category models
 * @since 0.1.0
 */
export type RuleId = `R${number}`

/**
 * How the library treats a rule: `HARD` rejects the command, `REC` raises a finding and accepts the event,
 * `CONF` takes the figure or the switch from the policy. A rule often mixes them (a HARD check whose
 * threshold is CONF, a REC finding beside a HARD gate); {@link Rule.classes} lists every class it has.
 *
 * @category models
 * @since 0.1.0
 */
export type RuleClass = "HARD" | "REC" | "CONF"

/**
 * Text in both locales of the library.
 *
 * @category models
 * @since 0.1.0
 */
export interface Bilingual {
  readonly "zh-CN": string
  readonly en: string
}

/**
 * The sections of the rules specification, in its order.
 *
 * @category models
 * @since 0.1.0
 */
export type Section =
  | "setup"
  | "leadership"
  | "orgLife"
  | "status"
  | "affiliation"
  | "dualRegistration"
  | "jointBuilding"
  | "points"
  | "seedPractice"
  | "records"
  | "dues"
  | "development"
  | "leadershipHistory"

/**
 * One rule.
 *
 * @category models
 * @since 0.1.0
 */
export interface Rule {
  readonly id: RuleId
  readonly section: Section
  readonly title: Bilingual
  /** Every class the rule has, in the order HARD, REC, CONF. */
  readonly classes: ReadonlyArray<RuleClass>
  /** The regulation and article, or the seed report, with the confidence tags of the specification. */
  readonly source: string
  /**
   * The `GovernancePolicy` fields that change the rule, as paths from the policy's root
   * (`branchMinFull`, `membership.lapseMonths`, `pairing.requireTerm`). Empty when no field exists yet.
   */
  readonly knobs: ReadonlyArray<string>
}

/**
 * The sections with their titles, in the specification's order.
 *
 * @category models
 * @since 0.1.0
 */
export const sections: ReadonlyArray<{ readonly id: Section; readonly title: Bilingual }> = [
  { id: "setup", title: { "zh-CN": "组织设置", en: "Organization setup" } },
  { id: "leadership", title: { "zh-CN": "领导班子、选举与任期", en: "Leadership bodies, elections, terms" } },
  { id: "orgLife", title: { "zh-CN": "组织生活(三会一课等)", en: "Organizational life (三会一课 etc.)" } },
  { id: "status", title: { "zh-CN": "党员身份状态", en: "Membership status" } },
  {
    id: "affiliation",
    title: { "zh-CN": "组织关系转接、流动党员与居住地", en: "Affiliation transfer, mobile members, residence" }
  },
  { id: "dualRegistration", title: { "zh-CN": "双报到", en: "Dual registration (双报到)" } },
  { id: "jointBuilding", title: { "zh-CN": "结对共建与联建", en: "Joint building and pairing agreements" } },
  { id: "points", title: { "zh-CN": "积分制与设岗定责", en: "Points and duty posts" } },
  { id: "seedPractice", title: { "zh-CN": "调研报告中的其他做法", en: "Other seed-stated practices" } },
  { id: "records", title: { "zh-CN": "组织生活记录与民主评议", en: "Organizational-life records and appraisal" } },
  { id: "dues", title: { "zh-CN": "党费", en: "Dues (党费)" } },
  { id: "development", title: { "zh-CN": "发展党员", en: "Member development (发展党员)" } },
  { id: "leadershipHistory", title: { "zh-CN": "班子届次与换届提醒", en: "Leadership history and renewal reminders" } }
]

/**
 * The source keys used in {@link Rule.source}, with the document each names.
 *
 * @category models
 * @since 0.1.0
 */
export const documents: Readonly<Record<string, Bilingual>> = {
  DZ: { "zh-CN": "《中国共产党章程》", en: "The Party Constitution" },
  ZB: {
    "zh-CN": "《中国共产党支部工作条例(试行)》(2018)",
    en: "Regulations on the Work of Party Branches (trial, 2018)"
  },
  NC: {
    "zh-CN": "《中国共产党农村基层组织工作条例》(2019)",
    en: "Regulations on the Work of Rural Primary Organizations (2019)"
  },
  XJ: {
    "zh-CN": "《中国共产党基层组织选举工作条例》(2020)",
    en: "Regulations on Elections in Primary Organizations (2020)"
  },
  XJ90: {
    "zh-CN": "《中国共产党基层组织选举工作暂行条例》(1990)",
    en: "Interim Regulations on Elections in Primary Organizations (1990)"
  },
  RQ: { "zh-CN": "《关于党的基层组织任期的意见》(2018)", en: "Opinions on the Terms of Primary Organizations (2018)" },
  JY: {
    "zh-CN": "《中国共产党党员教育管理工作条例》(2019)",
    en: "Regulations on the Education and Management of Members (2019)"
  },
  ZZ04: {
    "zh-CN": "中组部《关于进一步加强党员组织关系管理的意见》(2004)",
    en: "Organization Department opinions on affiliation management (2004)"
  },
  FZ: { "zh-CN": "《中国共产党发展党员工作细则》(2014)", en: "Detailed Rules on Developing Members (2014)" },
  DF: {
    "zh-CN": "《关于中国共产党党费收缴、使用和管理的规定》(2008)",
    en: "Provisions on the Collection, Use and Management of Dues (2008)"
  },
  CZ: {
    "zh-CN": "《中国共产党不合格党员组织处置办法》(2024)",
    en: "Measures for Organizational Disposal of Unqualified Members (2024)"
  },
  QZ: {
    "zh-CN": "旗帜网(中央和国家机关工委)业务手册",
    en: "Handbook entries of the central organs' working committee"
  },
  SYS: { "zh-CN": "现有党建信息系统(实践证据)", en: "Existing Party-building platforms (evidence of practice)" },
  S000: { "zh-CN": "调研报告 S000:某县安置社区党建", en: "Seed report S000: a county's resettlement communities" },
  S001: { "zh-CN": "调研报告 S001:某镇农村社区党建", en: "Seed report S001: a town's rural communities" },
  S002: {
    "zh-CN": "调研报告 S002:某市农民集中居住区党建",
    en: "Seed report S002: a city's farmer-resettlement areas"
  },
  S003: {
    "zh-CN": "调研报告 S003:全国农村社区治理实验区",
    en: "Seed report S003: a national governance experimental zone"
  },
  S004: { "zh-CN": "调研报告 S004:扬州文峰街道城中村党建", en: "Seed report S004: Yangzhou 文峰街道, urban villages" },
  LOC: { "zh-CN": "地方实践文件", en: "Local practice documents" }
}

const rule = (
  id: RuleId,
  section: Section,
  zh: string,
  en: string,
  classes: ReadonlyArray<RuleClass>,
  source: string,
  knobs: ReadonlyArray<string> = []
): Rule => ({ id, section, title: { "zh-CN": zh, en }, classes, source, knobs })

/**
 * Every rule, R1 to R96, in order.
 *
 * @category constants
 * @since 0.1.0
 */
export const all: ReadonlyArray<Rule> = [
  // A. Organization setup
  rule(
    "R1",
    "setup",
    "正式党员3人以上应当成立党支部",
    "A branch is mandatory at ≥ 3 full members",
    [
      "HARD",
      "REC"
    ],
    "ZB Art. 4 [V]; DZ Art. 30 [V]; NC ch. 2 [V-art?]",
    ["branchMinFull"]
  ),
  rule(
    "R2",
    "setup",
    "正式党员不足3人的单位成立联合党支部",
    "Units with fewer than 3 full members form a joint branch",
    ["HARD", "REC", "CONF"],
    "ZB Art. 5 [V]; NC [V]",
    ["jointBranchMaxUnits", "branchMinFull"]
  ),
  rule(
    "R3",
    "setup",
    "党支部党员人数一般不超过50人",
    "A branch should have at most 50 members",
    ["REC"],
    "ZB Art. 4 [V]",
    [
      "branchSoftMax"
    ]
  ),
  rule(
    "R4",
    "setup",
    "党员人数超过50人的村可以成立党总支",
    "General branch (党总支) threshold",
    ["HARD", "CONF"],
    "NC [V]; DZ Art. 30 [V]; seed variants S001",
    ["generalBranchThreshold", "generalBranchBelowThresholdNeedsJustification"]
  ),
  rule(
    "R5",
    "setup",
    "党员100人以上的村经县级党委批准可以成立党委",
    "Primary (village or community) committee threshold",
    ["HARD", "CONF"],
    "NC [V]; local preconditions S002",
    ["committeeThreshold"]
  ),
  rule(
    "R6",
    "setup",
    "成立或撤销党组织的审批",
    "Who approves setting up or dissolving an organization",
    ["HARD", "REC"],
    "NC [V]; ZB Art. 6 [V-art?]",
    ["approvalReplyDays"]
  ),
  rule(
    "R7",
    "setup",
    "不再符合设立条件的党支部应及时调整或撤销",
    "Adjustment or dissolution when conditions lapse",
    ["REC"],
    "ZB Art. 7 [V-art?]",
    ["branchMinFull", "generalBranchThreshold", "committeeThreshold"]
  ),
  rule(
    "R8",
    "setup",
    "村改社区同步调整或成立党组织",
    "Village-to-community conversion",
    [
      "REC"
    ],
    "NC [V]; seed variants S002, S004",
    ["conversionAdjustmentDays"]
  ),
  rule(
    "R9",
    "setup",
    "临时党支部一般不发展党员、不处分党员、不收党费、不换届",
    "Temporary branch (临时党支部)",
    ["HARD"],
    "ZB Art. 8 [V-art?]"
  ),
  rule(
    "R10",
    "setup",
    "为期6个月以上的工程、工作项目应当成立党支部",
    "Projects lasting 6 months or more",
    [
      "REC"
    ],
    "ZB Art. 5 [V]",
    ["projectBranchMinMonths"]
  ),
  rule(
    "R11",
    "setup",
    "流动党员党组织与新兴领域党组织",
    "Mobile-member branch and new settings",
    ["HARD", "REC", "CONF"],
    "ZB Art. 5 [V]; JY Art. 32 [V]",
    ["requireHostConsent"]
  ),
  rule(
    "R12",
    "setup",
    "党小组的划分与党小组长",
    "Party groups (党小组)",
    ["HARD", "CONF"],
    "ZB Art. 13 [V]; secondary figures [2nd]",
    [
      "groups"
    ]
  ),
  rule("R13", "setup", "党员中心户", "Member hub household (党员中心户)", ["CONF"], "S001, S002 [NF national]"),
  rule(
    "R14",
    "setup",
    "社区党组织的组建方式(单独组建、联合组建、村社挂建)",
    "Community organization formation modes",
    ["CONF"],
    "S000 [NF national]"
  ),
  rule(
    "R15",
    "setup",
    "组织层级:支部下设党小组,总支和党委下设支部",
    "Organization tree and grid hierarchy",
    ["HARD", "CONF"],
    "NC; S000, S001, S002"
  ),
  // B. Leadership bodies, elections, terms
  rule(
    "R16",
    "leadership",
    "正式党员7人以上的党支部应当设立支部委员会",
    "A branch committee is required at ≥ 7 full members",
    ["HARD", "REC", "CONF"],
    "ZB Art. 20 (ch. 6) [V-art?]",
    ["branchCommitteeAtFull", "committeeSizes"]
  ),
  rule(
    "R17",
    "leadership",
    "正式党员不足7人的党支部设书记,不设支委会",
    "Branches with fewer than 7 full members have no committee",
    ["HARD", "CONF"],
    "ZB ch. 6 [V]",
    ["branchCommitteeAtFull", "forbidCommitteeBelowThreshold"]
  ),
  rule(
    "R18",
    "leadership",
    "党总支、党委和乡镇党委委员会的人数",
    "Sizes of general-branch, committee and township bodies",
    ["CONF"],
    "NC [V] (township); older 中组部 guidance and village practice [2nd]",
    ["committeeSizes"]
  ),
  rule(
    "R19",
    "leadership",
    "选举产生与上级批准、党员代表大会",
    "Who elects whom; approvals",
    ["HARD"],
    "XJ Art. 4 [V]; NC [V]; ZB Art. 21 [V]; DZ Art. 30",
    ["delegateCongressThreshold"]
  ),
  rule(
    "R20",
    "leadership",
    "只有正式党员有表决权、选举权和被选举权",
    "Voting rights",
    ["HARD"],
    "DZ Art. 7 [V]; XJ Art. 5 [V]"
  ),
  rule(
    "R21",
    "leadership",
    "村和社区党组织每届任期5年",
    "Term lengths",
    ["HARD", "CONF"],
    "RQ [V]; ZB Art. 21 [V]; NC [V]; conflict C1",
    ["termYears"]
  ),
  rule(
    "R22",
    "leadership",
    "按期换届;延期或提前一般不超过1年",
    "Renewal on time; extension or advance ≤ 1 year",
    ["HARD", "REC"],
    "XJ Art. 3 [V]; RQ [V]",
    ["extensionMaxMonths", "renewalReminderMonths"]
  ),
  rule(
    "R23",
    "leadership",
    "选举的到会人数须超过应到会人数的五分之四;当选须超过实到会半数",
    "Election quorum and winning threshold",
    ["HARD", "CONF"],
    "XJ90 [2nd]; sz.gov.cn Q&A [2nd]; conflict C9",
    ["election.quorumNumerator", "election.quorumDenominator", "election.quorumInclusive"]
  ),
  rule(
    "R24",
    "leadership",
    "差额选举:候选人数多于应选人数20%",
    "Competitive election (差额)",
    ["HARD", "CONF"],
    "XJ Art. 13, Art. 14 [V]; round-up practice [2nd]",
    ["election.minSurplusPercent", "election.minSurplusAbsolute", "election.maxCandidatesMultiple"]
  ),
  rule(
    "R25",
    "leadership",
    "支部党员大会和支委会的表决",
    "Branch general meeting and committee meeting voting",
    ["HARD"],
    "ZB Art. 11, Art. 12 [V]"
  ),
  rule(
    "R26",
    "leadership",
    "村党组织书记“一肩挑”与交叉任职",
    "Village “one shoulder” and cross-appointment",
    ["REC", "CONF"],
    "《中国共产党农村工作条例》(2019) [2nd/V-art?]",
    ["expectConcurrentSecretaryDirector"]
  ),
  rule(
    "R27",
    "leadership",
    "村居合一:两块牌子、一套班子",
    "村居合一: two nameplates, one team",
    ["CONF"],
    "S002; contrast S004"
  ),
  // C. Organizational life
  rule(
    "R28",
    "orgLife",
    "支部党员大会一般每季度召开1次",
    "Branch general meeting once a quarter",
    [
      "REC",
      "CONF"
    ],
    "ZB Art. 11 [V]",
    ["orgLife.generalMeetingsPerQuarter"]
  ),
  rule(
    "R29",
    "orgLife",
    "支部委员会会议一般每月召开1次",
    "Committee meeting once a month",
    ["REC", "CONF"],
    "ZB Art. 12 [V]",
    ["orgLife.committeeMeetingsPerMonth"]
  ),
  rule(
    "R30",
    "orgLife",
    "党小组会一般每月召开1次",
    "Party group meeting once a month",
    ["REC", "CONF"],
    "ZB Art. 13 [V]",
    ["orgLife.groupMeetingsPerMonth"]
  ),
  rule(
    "R31",
    "orgLife",
    "党课:党委(党组)书记每年至少讲1次党课",
    "Party lecture frequency",
    ["CONF"],
    "ZB Art. 16 [V-art?]; local [2nd]",
    ["orgLife.lecturesPerQuarter", "orgLife.secretaryLecturesPerYear"]
  ),
  rule(
    "R32",
    "orgLife",
    "每月相对固定1天开展主题党日",
    "Themed Party Day once a month",
    [
      "REC",
      "CONF"
    ],
    "ZB Art. 16 [V-art?]",
    ["orgLife.themedPartyDaysPerMonth"]
  ),
  rule(
    "R33",
    "orgLife",
    "每年至少召开1次组织生活会",
    "Org-life meeting at least once a year",
    ["REC"],
    "ZB Art. 17 [V]",
    ["orgLife.orgLifeMeetingsPerYear"]
  ),
  rule(
    "R34",
    "orgLife",
    "谈心谈话每年一般不少于1次",
    "Heart-to-heart talks at least once a year",
    ["REC"],
    "ZB Art. 18 [2nd]",
    ["orgLife.heartToHeartTalksPerYear"]
  ),
  rule("R35", "orgLife", "每年开展1次民主评议党员", "Democratic appraisal once a year", ["REC"], "ZB Art. 19 [2nd]", [
    "orgLife.appraisalMeetingsPerYear",
    "appraisal.dueMonthsAfterYear"
  ]),
  rule(
    "R36",
    "orgLife",
    "会议由党支部书记召集并主持",
    "Meetings are convened and chaired by the secretary",
    ["HARD"],
    "ZB Art. 14 [V]"
  ),
  // D. Membership status
  rule(
    "R37",
    "status",
    "预备期一年;延长预备期不少于半年、不超过一年",
    "Probation",
    ["HARD"],
    "DZ Art. 7 [V]; FZ Art. 32 [2nd]",
    [
      "membership.probationMonths",
      "membership.probationExtensionMinMonths",
      "membership.probationExtensionMaxMonths"
    ]
  ),
  rule(
    "R38",
    "status",
    "每个党员都必须编入一个支部、小组或其他特定组织",
    "Everyone in exactly one unit",
    ["HARD"],
    "DZ Art. 8 [V]"
  ),
  rule(
    "R39",
    "status",
    "连续六个月不参加组织生活、不交党费或不做分配的工作,视为自行脱党",
    "Self-lapse (自行脱党)",
    ["HARD", "REC", "CONF"],
    "DZ Art. 9 [V]; local practice (3-month warning)",
    ["membership.lapseMonths", "membership.lapseEarlyWarningMonths"]
  ),
  rule(
    "R40",
    "status",
    "失去联系6个月以上停止党籍;停止党籍2年后除名",
    "Lost contact and suspension",
    ["HARD", "REC"],
    "JY (党籍) [V-art?]",
    ["membership.lostContactSuspendMonths", "membership.suspendedRemoveAfterYears"]
  ),
  // E. Affiliation transfer, mobile members, residence
  rule(
    "R41",
    "affiliation",
    "外出6个月以上且地点相对固定的,应当转移组织关系",
    "When a transfer is required",
    ["REC", "CONF"],
    "JY Art. 25 [V]",
    ["membership.transferDueAfterMonths"]
  ),
  rule(
    "R42",
    "affiliation",
    "组织关系转出尚未被接收的,原党组织仍负管理责任",
    "Transfer mechanics: the origin keeps the member until receipt",
    ["HARD"],
    "JY Art. 25 [V]"
  ),
  rule(
    "R43",
    "affiliation",
    "组织关系介绍信有效期一般不超过3个月",
    "Transfer letter validity",
    ["CONF"],
    "community procedure [2nd]; ZZ04 [NF]; conflict C10",
    ["membership.transferLetterValidityDays"]
  ),
  rule(
    "R44",
    "affiliation",
    "按外出时间使用证明信、流动党员活动证或介绍信",
    "Credential by length of absence",
    ["CONF"],
    "local documents [2nd]",
    ["membership.credentialFreeMonths", "membership.transferDueAfterMonths"]
  ),
  rule(
    "R45",
    "affiliation",
    "流动党员:组织关系一方隶属、参加多重组织生活",
    "Mobile members (流动党员)",
    ["HARD", "REC"],
    "JY Art. 32 [V]; JY (分类管理) [2nd]",
    ["membership.requireMobileContactPerson", "membership.mobileContactIntervalMonths"]
  ),
  rule(
    "R46",
    "affiliation",
    "安置社区人户分离党员的组织关系",
    "People living away from their 户籍 (人户分离)",
    ["CONF"],
    "S000; JY Art. 25 [V]; conflict C11",
    ["membership.affiliationDefaultForResettled"]
  ),
  // F. Dual registration
  rule(
    "R47",
    "dualRegistration",
    "在职党员到居住地社区报到,组织关系不变",
    "Employed members report to their residence community",
    ["HARD", "REC", "CONF"],
    "S000; S003; JY (R45); local documents [2nd]",
    [
      "membership.checkInFeedbackEveryMonths",
      "membership.minCommunityActivitiesPerYear",
      "membership.failedCheckInCapsAppraisal"
    ]
  ),
  // G. Joint building and pairing agreements
  rule("R48", "jointBuilding", "联建的类型:村居联建、村企联建", "Kinds of joint building", ["HARD", "CONF"], "S002"),
  rule(
    "R49",
    "jointBuilding",
    "结对形式与“五联”内容",
    "Pairing forms and the five joint areas (五联)",
    ["HARD", "CONF"],
    "S002; S000"
  ),
  rule(
    "R50",
    "jointBuilding",
    "结对共建协议的内容与期限",
    "Agreement contents and term",
    ["HARD", "REC", "CONF"],
    "[NF] national; local templates [2nd]",
    ["pairing.requireTerm", "pairing.reportEveryMonths", "pairing.idleAfterDays", "pairing.expiringWithinDays"]
  ),
  rule(
    "R51",
    "jointBuilding",
    "党建联席会议与“大党建”",
    "Joint meetings and “big Party building”",
    ["CONF"],
    "S004; S003",
    ["pairing.councilMeetingEveryMonths"]
  ),
  // H. Points and duty posts
  rule(
    "R52",
    "points",
    "党员积分制",
    "Member points system (党员积分制)",
    ["HARD", "CONF"],
    "S003; local (东阳 2014) [NF national]",
    ["points.publicationGraceDays"]
  ),
  rule("R53", "points", "无职党员设岗定责", "Duty posts for members without office", ["CONF"], "S000; S003", [
    "points.postsByPartyGroup",
    "points.dutyPostMinShare"
  ]),
  // I. Other seed-stated practices
  rule(
    "R54",
    "seedPractice",
    "无党员单位委派党建工作指导员",
    "Party-building instructors for units without members",
    ["CONF"],
    "S001",
    ["roles.instructorForUnitsWithoutMembers"]
  ),
  rule(
    "R55",
    "seedPractice",
    "社区党组织在街道党组织领导下开展工作",
    "Community organizations work under the subdistrict organization",
    ["HARD"],
    "S001; NC"
  ),
  rule("R56", "seedPractice", "安置点干部配备", "Cadre staffing for resettlement sites", ["CONF"], "S000"),
  rule("R57", "seedPractice", "第一书记全覆盖", "First secretaries (第一书记)", ["CONF"], "S003", [
    "roles.firstSecretaryCoverage"
  ]),
  // C2. Organizational-life records
  rule(
    "R58",
    "records",
    "会议记录的内容:应到、实到、缺席、列席与决议",
    "Contents of a meeting record (会议记录)",
    ["HARD", "REC", "CONF"],
    "record templates [2nd]; SYS (OWIP pm_meeting)"
  ),
  rule(
    "R59",
    "records",
    "计划召开与实际召开时间,按实际召开日期计",
    "Planned vs held date; which date counts",
    ["REC", "CONF"],
    "SYS (OWIP); [NF] national",
    ["orgLife.frequencyExemptOrgs"]
  ),
  rule(
    "R60",
    "records",
    "会议补录",
    "Recording after the fact (补录)",
    ["HARD", "CONF"],
    "[NF] national; platform practice [2nd]",
    ["orgLife.lateRecording", "orgLife.lateRecordingGraceDays", "orgLife.importExempt"]
  ),
  rule(
    "R61",
    "records",
    "以出席记录判断“不参加党的组织生活”",
    "Attendance as the source for R39's lapse",
    ["REC", "CONF"],
    "DZ Art. 8, Art. 9 [V]; CZ summary [2nd]",
    [
      "orgLife.excusedAbsenceResetsLapseClock",
      "orgLife.communityActivityCountsAsOrgLife",
      "membership.lapseEarlyWarningMonths"
    ]
  ),
  rule(
    "R62",
    "records",
    "民主评议等次;优秀一般不超过党员总数的1/3",
    "Democratic appraisal: grades and the 优秀 cap",
    ["HARD", "REC", "CONF"],
    "共产党员网 guidance [2nd]; local; conflict C19",
    ["appraisal.grades", "appraisal.excellentMaxShare"]
  ),
  rule(
    "R63",
    "records",
    "基本合格和不合格党员的组织处置",
    "What follows 基本合格 and 不合格",
    ["HARD", "REC", "CONF"],
    "CZ Art. 3, Art. 4 [V]; CZ summary [2nd]; DZ Art. 9 [V]; conflict C18",
    [
      "appraisal.correctionPeriodMonths",
      "appraisal.readmissionBarYears",
      "appraisal.correctionNeedsApproval",
      "appraisal.disposalDecisionDueDays"
    ]
  ),
  rule(
    "R64",
    "records",
    "预备党员参加民主评议,不评为优秀",
    "Probationary members in the appraisal",
    ["HARD", "CONF"],
    "12371 Q&A [2nd]; local; conflict C20",
    ["appraisal.probationaryAppraisal"]
  ),
  // J. Dues
  rule(
    "R65",
    "dues",
    "党费计算基数与党员类别",
    "The dues base (计算基数) and member categories",
    ["HARD", "CONF"],
    "DF unit copies [2nd]",
    ["dues.villageCadreSubsidyIsSalary", "dues.farmerWithWageIncome"]
  ),
  rule(
    "R66",
    "dues",
    "在职党员按月工资收入的一个比例交纳党费",
    "Rates for salaried members: one rate for the whole base",
    ["HARD", "CONF"],
    "DF Art. 2 [V]; rounding [NF]",
    ["dues.salaried", "dues.rounding"]
  ),
  rule("R67", "dues", "离退休党员的党费比例", "Retired members", ["HARD", "CONF"], "DF [V]; conflict C17", [
    "dues.retiree",
    "dues.retireeBaseExcludesAllowances",
    "dues.rounding"
  ]),
  rule(
    "R68",
    "dues",
    "农民党员每月0.2元至1元;学生等每月0.2元",
    "Fixed monthly amounts",
    ["HARD", "CONF"],
    "DF Art. 6 [V]",
    ["dues.flatMonthlyFen", "dues.farmerMonthlyAmountFen"]
  ),
  rule(
    "R69",
    "dues",
    "每年初核定当年月交纳党费数额",
    "Monthly amount fixed at the start of the year",
    ["HARD", "REC", "CONF"],
    "QZ [2nd]; conflict C15",
    ["dues.fixing"]
  ),
  rule(
    "R70",
    "dues",
    "补交、预交一般不超过6个月;不得垫交或扣缴",
    "Payment cadence, back-payment and prohibitions",
    ["HARD", "CONF"],
    "DF Art. 12, Art. 14 [V]; QZ [2nd]; conflict C16",
    ["dues.backPayMaxMonths", "dues.advancePayMaxMonths", "dues.quarterlyAllowed"]
  ),
  rule("R71", "dues", "经济困难党员少交或免交党费", "Reduction or exemption for hardship", [
    "HARD"
  ], "DF Art. 7 [V-art?]; [2nd]"),
  rule(
    "R72",
    "dues",
    "一次自愿多交1000元以上的党费全部上缴中央",
    "Voluntary extra and large one-off payments",
    ["HARD", "CONF"],
    "DF Art. 11 [V-art?]; [2nd]",
    ["dues.lumpToCentreThresholdFen", "dues.monthlyRegularCapFen"]
  ),
  rule(
    "R73",
    "dues",
    "预备党员从支部大会通过之日起交纳党费",
    "Probationary members pay from the admission vote",
    ["HARD", "REC", "CONF"],
    "[2nd, consistent]; conflict C25",
    ["dues.firstDuesMonth", "dues.refundOnAdmissionRefused"]
  ),
  rule(
    "R74",
    "dues",
    "组织关系介绍信注明党费交至年月",
    "Dues paid-through on transfer letters",
    ["HARD", "REC", "CONF"],
    "letter templates [2nd]; SYS (EGOV)",
    ["dues.duesDuringTransit", "dues.advancePayMaxMonths"]
  ),
  rule(
    "R75",
    "dues",
    "连续6个月不交纳党费,按自行脱党处理",
    "Six months unpaid: the R39 finding",
    ["REC", "CONF"],
    "DZ Art. 9 [V]; unit copies [2nd]",
    ["dues.arrearsWarnMonths", "dues.arrearsLapseMonths"]
  ),
  rule(
    "R76",
    "dues",
    "全国党费标准预设(2008)",
    "National dues preset (cn2008)",
    ["CONF"],
    "DF (effective 2008-04-01)",
    [
      "dues"
    ]
  ),
  // K. Member development
  rule(
    "R77",
    "development",
    "发展党员5个阶段25个步骤,依次进行",
    "The pipeline: 5 stages, 25 steps, in order",
    ["HARD", "REC"],
    "step list [2nd]; SYS",
    ["development.probationReviewEveryMonths"]
  ),
  rule(
    "R78",
    "development",
    "年满十八岁提交入党申请书",
    "Application",
    ["HARD", "REC", "CONF"],
    "DZ Art. 1 [V]; FZ Art. 5 [V]",
    ["development.minApplicantAge", "development.ageOnBirthdayQualifies"]
  ),
  rule(
    "R79",
    "development",
    "收到入党申请书后1个月内派人谈话",
    "Talk within 1 month of the application",
    ["REC", "CONF"],
    "FZ Art. 6 [V-art?]; [2nd]",
    ["development.applicantTalkDueMonths"]
  ),
  rule(
    "R80",
    "development",
    "入党积极分子的确定、培养联系人与考察",
    "Activists: who decides, contact persons, reviews",
    ["HARD", "REC", "CONF"],
    "FZ Art. 8, Art. 9 [V-art?]; conflict C21",
    [
      "development.minMonthsApplicationToActivist",
      "development.activistDecisionDueMonths",
      "development.minContactPersons",
      "development.maxContactPersons",
      "development.activistReviewEveryMonths"
    ]
  ),
  rule(
    "R81",
    "development",
    "经过一年以上培养教育和考察列为发展对象",
    "Development object: at least 1 year as an activist",
    ["HARD"],
    "FZ Art. 13 [V-art?]; [2nd]",
    ["development.minActivistMonths"]
  ),
  rule("R82", "development", "两名正式党员作入党介绍人", "Two full-member introducers", [
    "HARD",
    "REC",
    "CONF"
  ], "DZ Art. 5 [V]"),
  rule(
    "R83",
    "development",
    "政治审查与集中培训(一般不少于三天或24学时)",
    "Political review and concentrated training",
    ["HARD", "REC", "CONF"],
    "FZ Arts. 14–15; 共产党员网 Q&A [2nd]; conflict C22",
    ["development.trainingMinDays", "development.trainingMinHours"]
  ),
  rule(
    "R84",
    "development",
    "支部委员会审查、上级党委预审与入党志愿书",
    "Committee review, pre-review, the 志愿书",
    ["HARD", "REC", "CONF"],
    "FZ Art. 19 [V-art?]; [2nd]",
    ["development.departureWindowMonths"]
  ),
  rule(
    "R85",
    "development",
    "支部大会讨论接收预备党员的表决",
    "Branch general meeting vote on admission",
    ["HARD", "CONF"],
    "FZ Art. 20, Art. 21 [V-art?]",
    ["development.voteExclusionsApplyTo"]
  ),
  rule(
    "R86",
    "development",
    "上级党组织批准前派人谈话",
    "Interview by the higher committee",
    ["HARD"],
    "DZ Art. 5 [V]; [2nd]"
  ),
  rule(
    "R87",
    "development",
    "审批预备党员:谁审批、如何审批、三个月内",
    "Approval: who, how, when",
    ["HARD", "REC", "CONF"],
    "FZ Art. 23 [V-art?]; NC; 共产党员网 [2nd]",
    [
      "development.approvalDueMonths",
      "development.approvalMaxMonths",
      "development.approvalClockFrom",
      "development.probationaryApprovers"
    ]
  ),
  rule(
    "R88",
    "development",
    "预备期从支部大会通过之日算起",
    "Hand-over to probation",
    ["HARD"],
    "DZ Art. 7 [V]; JY Art. 24 [V]; DZ Art. 6 [V]"
  ),
  rule(
    "R89",
    "development",
    "预备党员转正:讨论、审批与转正时间",
    "Conversion: steps 22–25",
    ["HARD", "REC", "CONF"],
    "DZ Art. 7 [V]; FZ Art. 32, Art. 33 [V-art?]; QZ [2nd]; conflict C26",
    [
      "development.forbidEarlyConversionVote",
      "development.conversionMeetingDueMonths",
      "development.conversionApprovalDueMonths",
      "development.transferredInPostponeMaxMonths"
    ]
  ),
  rule(
    "R90",
    "development",
    "入党积极分子变动单位时转交培养材料",
    "Applicants and activists who move",
    ["REC", "CONF"],
    "FZ Art. 12 [2nd, weak]",
    ["development.activistTimeCarriesOver"]
  ),
  // L. Leadership history and renewal reminders
  rule(
    "R91",
    "leadershipHistory",
    "班子届次记录",
    "Term records (届次)",
    ["HARD", "CONF"],
    "SYS (EGOV TabPbLeadTeam)",
    ["leadership.termNumberingOnUpgrade"]
  ),
  rule(
    "R92",
    "leadershipHistory",
    "选票记录及其计算",
    "Ballot records and their arithmetic",
    ["HARD", "REC"],
    "township election method [2nd]; XJ90"
  ),
  rule("R93", "leadershipHistory", "候补委员", "Alternates (候补委员)", ["CONF"], "[NF] primary level; SYS", [
    "leadership.alternatesAllowed"
  ]),
  rule(
    "R94",
    "leadershipHistory",
    "批准文件:批准机关、日期与文号",
    "Approval documents",
    ["HARD", "REC", "CONF"],
    "ZB Art. 21 [V]; SYS",
    ["leadership.requireApprovalDocNo"]
  ),
  rule(
    "R95",
    "leadershipHistory",
    "换届提醒与换届情况报告",
    "Renewal reminders and post-election report",
    ["REC", "CONF"],
    "QZ [2nd]; 蚌埠 local rule; SYS (EGOV); conflict C23",
    [
      "renewalReminderMonths",
      "leadership.remindBeforeMonths",
      "leadership.yearStartNotice",
      "leadership.requestDueMonthsBefore",
      "leadership.reportDueMonthsAfter"
    ]
  ),
  rule(
    "R96",
    "leadershipHistory",
    "换届请示与选举结果报告",
    "Renewal request and report",
    ["HARD", "REC"],
    "XJ Art. 14 [V]; local templates",
    ["leadership.requestDueMonthsBefore", "leadership.reportDueMonthsAfter"]
  )
]

const index: ReadonlyMap<string, Rule> = new Map(all.map((r) => [r.id, r]))

/**
 * The rule with this id, or `undefined`.
 *
 * @example
 * ```ts
 * import { Rules } from "@dangjian/core"
 *
 * Rules.get("R16")?.title["zh-CN"] // => "正式党员7人以上的党支部应当设立支部委员会"
 * Rules.get("R16")?.classes // => ["HARD", "REC", "CONF"]
 * Rules.get("R0") // => undefined
 * ```
 *
 * @category getters
 * @since 0.1.0
 */
export const get = (id: string): Rule | undefined => index.get(id)

/**
 * The rules of one section, in order.
 *
 * @category getters
 * @since 0.1.0
 */
export const inSection = (section: Section): ReadonlyArray<Rule> => all.filter((r) => r.section === section)

/**
 * The rules a policy field changes: those whose knobs name the field or a field inside it
 * (`"membership"` finds every membership rule, `"election.quorumInclusive"` finds R23).
 *
 * @category getters
 * @since 0.1.0
 */
export const changedBy = (field: string): ReadonlyArray<Rule> =>
  all.filter((r) => r.knobs.some((k) => k === field || k.startsWith(`${field}.`)))
