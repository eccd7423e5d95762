/**
 * The value objects of the roles aggregate: terms of appointment, the units without members a Party-building
 * instructor is sent to (R54), and the staffing of a resettlement site (R56, data only). Every id is opaque
 * (an appointee or a cadre is an id the organization department keeps); no value holds personal data, and the
 * subsidies S000 mentions are recorded as granted or not, never as amounts.
 *
 * @since 0.3.0
 */
import { Schema } from "effect"

/**
 * The kind of a unit without Party members (R54): a private enterprise (非公企业), a social organization (社会
 * 组织), an individual business (个体工商户), or another unit.
 *
 * @category models
 * @since 0.3.0
 */
export const UnitType = Schema.Literals(["privateEnterprise", "socialOrganization", "individualBusiness", "other"])

/**
 * @category models
 * @since 0.3.0
 */
export type UnitType = typeof UnitType.Type

/**
 * Why a unit left the register of units without members: members joined (or transferred in), a Party
 * organization was set up there, or the unit closed.
 *
 * @category models
 * @since 0.3.0
 */
export const UnitClosure = Schema.Literals(["membersJoined", "orgEstablished", "unitClosed"])

/**
 * @category models
 * @since 0.3.0
 */
export type UnitClosure = typeof UnitClosure.Type

/**
 * Where a resettlement site's cadre comes from (R56, S000's three "一批"): `selected` 优选一批, `retained`
 * 留用一批, `adjusted` 调整一批.
 *
 * @category models
 * @since 0.3.0
 */
export const CadreSource = Schema.Literals(["selected", "retained", "adjusted"])

/**
 * @category models
 * @since 0.3.0
 */
export type CadreSource = typeof CadreSource.Type

/**
 * The staffing of a resettlement site (R56 CONF, data only): the secretary and the management-committee
 * (管委会) director by id, the cadres with their source, whether a rotating duty roster (轮流坐班制) and the
 * "五个统一" are in place, and whether the secretary's and the director's subsidies are granted (S000 masks the
 * amounts; none is stored).
 *
 * @category models
 * @since 0.3.0
 */
export const ResettlementStaffing = Schema.Struct({
  secretaryId: Schema.optionalKey(Schema.String),
  directorId: Schema.optionalKey(Schema.String),
  cadres: Schema.Array(Schema.Struct({ cadreId: Schema.String, source: CadreSource })),
  rotatingDuty: Schema.Boolean,
  fiveUnified: Schema.Boolean,
  secretarySubsidy: Schema.Boolean,
  directorSubsidy: Schema.Boolean
}).annotate({ identifier: "ResettlementStaffing" })

/**
 * @category models
 * @since 0.3.0
 */
export type ResettlementStaffing = typeof ResettlementStaffing.Type
