/**
 * Message catalogs (zh-CN and en) for the kernel's error codes.
 *
 * @since 0.1.0
 */
import type { Catalogs } from "./Message.ts"
import { show } from "./Message.ts"

const expected = (v: unknown): string => (typeof v === "number" ? `version ${v}` : String(v))
const expectedZh = (v: unknown): string =>
  v === "noStream" ? "流不存在" : v === "exists" ? "流已存在" : v === "any" ? "任意版本" : `版本 ${String(v)}`

const invalidAppendReasonEn: Record<string, string> = {
  noStreams: "the request names no stream",
  duplicateStream: "a stream appears more than once",
  duplicateEventId: "an event id appears more than once",
  invalidStreamId: "a stream id must be 1–200 characters, without control characters or unpaired surrogates",
  invalidExpectedVersion: "an expected version must be \"any\", \"noStream\", \"exists\" or a whole number ≥ 0",
  invalidEventId: "an event id must be a UUID in lowercase",
  invalidEventType: "an event's type name must be a non-empty string",
  missingEventData: "an event has no data",
  invalidMetadata:
    "an event's metadata must have occurredAt and recordedAt as strings (and actor, commandId, causationId, correlationId as strings when present)"
}
const invalidAppendReasonZh: Record<string, string> = {
  noStreams: "请求未指定任何流",
  duplicateStream: "同一个流出现了多次",
  duplicateEventId: "同一个事件标识出现了多次",
  invalidStreamId: "流标识须为 1–200 个字符,不含控制字符或不成对的代理项",
  invalidExpectedVersion: "期望版本须为 \"any\"、\"noStream\"、\"exists\" 或不小于 0 的整数",
  invalidEventId: "事件标识须为小写的 UUID",
  invalidEventType: "事件类型名须为非空字符串",
  missingEventData: "事件缺少数据",
  invalidMetadata:
    "事件元数据须含字符串类型的 occurredAt 与 recordedAt(actor、commandId、causationId、correlationId 如有亦须为字符串)"
}
// Own keys only: a reason such as "constructor" must not find Object.prototype's.
const reasonIn = (table: Record<string, string>, reason: string | number | boolean | undefined): string =>
  typeof reason === "string" && Object.hasOwn(table, reason) ? table[reason]! : show(reason)

/**
 * @category messages
 * @since 0.1.0
 */
export const kernelMessages: Catalogs = {
  en: {
    "kernel.versionConflict": (p) =>
      `Version conflict on stream ${show(p.streamId)}: expected ${expected(p.expected)}, actual version ${
        show(p.actual)
      }`,
    "kernel.eventIdConflict": (p) =>
      `Event id ${show(p.eventId)} is already stored at stream ${show(p.storedStreamId)} position ${
        show(p.storedPosition)
      }, which does not match this append (${show(p.reason)})`,
    "kernel.invalidAppend": (p) =>
      `Invalid append: ${reasonIn(invalidAppendReasonEn, p.reason)}${p.detail ? ` (${show(p.detail)})` : ""}`,
    "kernel.unknownEventType": (p) =>
      `Unknown event type ${show(p.type)} version ${show(p.schemaVersion)}${
        p.streamId ? ` at stream ${show(p.streamId)} position ${show(p.streamPosition)}` : ""
      }`,
    "kernel.eventDecode": (p) =>
      `Event ${show(p.type)} v${show(p.schemaVersion)}${
        p.streamId ? ` at stream ${show(p.streamId)} position ${show(p.streamPosition)}` : ""
      } does not match its schema at ${show(p.path)}: ${show(p.issue)}`,
    "kernel.eventEncode": (p) => `Event ${show(p.type)} does not match its schema at ${show(p.path)}: ${show(p.issue)}`,
    "kernel.corruptEvent": (p) =>
      `Corrupt stored event at global position ${show(p.globalPosition)}: ${show(p.reason)}`,
    "kernel.storeUnavailable": (p) => `The event store is unavailable during ${show(p.operation)}: ${show(p.reason)}`,
    "kernel.commandDecode": (p) => `Invalid command at ${show(p.path)}: ${show(p.issue)}`
  },
  "zh-CN": {
    "kernel.versionConflict": (p) =>
      `流 ${show(p.streamId)} 版本冲突:期望${expectedZh(p.expected)},实际版本 ${show(p.actual)}`,
    "kernel.eventIdConflict": (p) =>
      `事件标识 ${show(p.eventId)} 已存储于流 ${show(p.storedStreamId)} 第 ${
        show(p.storedPosition)
      } 位,与本次追加不一致(${show(p.reason)})`,
    "kernel.invalidAppend": (p) =>
      `追加请求无效:${reasonIn(invalidAppendReasonZh, p.reason)}${p.detail ? `(${show(p.detail)})` : ""}`,
    "kernel.unknownEventType": (p) =>
      `未知事件类型 ${show(p.type)} 版本 ${show(p.schemaVersion)}${
        p.streamId ? `,位于流 ${show(p.streamId)} 第 ${show(p.streamPosition)} 位` : ""
      }`,
    "kernel.eventDecode": (p) =>
      `事件 ${show(p.type)} v${show(p.schemaVersion)}${
        p.streamId ? `(流 ${show(p.streamId)} 第 ${show(p.streamPosition)} 位)` : ""
      }不符合其结构定义,位置 ${show(p.path)}:${show(p.issue)}`,
    "kernel.eventEncode": (p) => `事件 ${show(p.type)} 不符合其结构定义,位置 ${show(p.path)}:${show(p.issue)}`,
    "kernel.corruptEvent": (p) => `全局位置 ${show(p.globalPosition)} 的存储事件已损坏:${show(p.reason)}`,
    "kernel.storeUnavailable": (p) => `事件存储在执行 ${show(p.operation)} 时不可用:${show(p.reason)}`,
    "kernel.commandDecode": (p) => `命令无效,位置 ${show(p.path)}:${show(p.issue)}`
  }
}
