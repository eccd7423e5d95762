/**
 * The points-and-duty-posts part of the governance policy (RULES.md R52, R53). The points scheme itself (its
 * items, scores and publication cadence) is data an organization defines by command; what lives here are the
 * figures that judge every scheme: how soon a period's results are published, whether duty posts are set up by
 * party group, and the share of members without office who should hold a post (masked in the seed report,
 * so it has no default). It is part of the policy (`GovernancePolicy.points`), so it lives in `policy/` and
 * imports no aggregate; the `Points` namespace re-exports it.
 *
 * @since 0.3.0
 */
import { Schema } from "effect"
import { Count, Positive } from "../units.ts"

/**
 * A share as a fraction `num / den` (integer arithmetic, no rounding).
 *
 * @category models
 * @since 0.3.0
 */
export const Share = Schema.Struct({ num: Count, den: Positive }).annotate({ identifier: "Share" })

/**
 * @category models
 * @since 0.3.0
 */
export type Share = typeof Share.Type

/**
 * @category models
 * @since 0.3.0
 */
export const PointsPolicy = Schema.Struct({
  /**
   * R52 REC (CONF, [NF]): days after a period's last day within which its results are published ("每月或每季度
   * 定期公示" names the cadence, not a deadline; 0 = on the last day).
   */
  publicationGraceDays: Count,
  /** R53 CONF (S000: "以党小组为单位进行设岗定责"): every duty post names the party group it belongs to. */
  postsByPartyGroup: Schema.Boolean,
  /**
   * R53 REC (CONF, S003: "**%以上的无职党员上岗履职", the figure is masked): the least share of members without
   * office who hold a duty post; absent = not checked.
   */
  dutyPostMinShare: Schema.optionalKey(Share)
}).annotate({ identifier: "PointsPolicy" })

/**
 * @category models
 * @since 0.3.0
 */
export type PointsPolicy = typeof PointsPolicy.Type

/**
 * Defaults: results published within 15 days of a period's end (the library's convention, no source found),
 * duty posts may but need not name a party group, no minimum share of members on a post.
 *
 * @category presets
 * @since 0.3.0
 */
export const defaultPointsPolicy: PointsPolicy = {
  publicationGraceDays: 15,
  postsByPartyGroup: false
}
