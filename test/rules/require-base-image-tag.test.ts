import rule from "../../rules/require-base-image-tag.js";
import { testRule } from "../support/rule-tester.js";

testRule(rule, {
  valid: [
    "FROM ubuntu:24.04\n",
    { code: "FROM alpine@sha256:0a4eaa0eecf5f8c050e5bba433f58c052be7587ee8af3e8b3910ef9ab5fbe9f5\n", name: "a digest pins without a tag" },
    { code: "FROM golang:1.23 AS build\nFROM build\n", name: "an earlier stage" },
    { code: "FROM scratch\n", name: "scratch" },
    { code: "ARG BASE=node:22\nFROM ${BASE}\n", name: "hadolint#219: an ARG whose default has a tag" },
    { code: "ARG BASE\nFROM ${BASE}\n", name: "hadolint#979: an ARG without a known value" },
    { code: "ARG IMAGE_REPO=myrepo\nARG IMAGE_TAG=1.0\nFROM ${IMAGE_REPO}/app:${IMAGE_TAG}\n", name: "hadolint#858: name and tag from ARGs" },
    { code: "ARG VERSION\nFROM node:${VERSION}\n", name: "a tag from an ARG without a value" },
    { code: "ARG REGISTRY\nFROM ${REGISTRY}/node:22\n", name: "an unknown registry with a literal tag" },
    { code: "FROM alpine:3.20 AS Build\nFROM Build\n", name: "an invalid reference is not this rule's" },
    { code: "# hadolint ignore=DL3006\nFROM ubuntu\n", name: "hadolint pragma" },
  ],
  invalid: [
    {
      code: "FROM ubuntu\nRUN echo hi\n",
      errors: [{ messageId: "noTag", line: 1, column: 6, endLine: 1, endColumn: 12, aliases: ["DL3006", "DS-0001", "CKV_DOCKER_7"] }],
    },
    {
      name: "an ARG whose default has no tag",
      code: "ARG BASE=node\nFROM ${BASE}\n",
      errors: [{ message: "Base image 'node' has no tag, so it means 'node:latest', which changes under you. Pin a version tag (or a digest).", line: 2, column: 6, endColumn: 13 }],
    },
    {
      name: "an unknown registry, no tag in the last component",
      code: "ARG REGISTRY\nFROM ${REGISTRY}/node\n",
      errors: [{ messageId: "noTag", line: 2, column: 6, endColumn: 22 }],
    },
    {
      name: "stages are skipped, images after them are not",
      code: "FROM alpine:3.20 AS base\nFROM base\nFROM nginx AS web\n",
      errors: [{ messageId: "noTag", line: 3, column: 6, endColumn: 11 }],
    },
    {
      name: "after --platform",
      code: "FROM --platform=$BUILDPLATFORM golang AS build\n",
      errors: [{ messageId: "noTag", line: 1, column: 32, endColumn: 38 }],
    },
    {
      name: "a registry with a port is not a tag",
      code: "FROM registry.example.com:5000/team/app\n",
      errors: [{ messageId: "noTag", line: 1, column: 6, endColumn: 40 }],
    },
  ],
});
