import rule from "../../rules/no-secret-left-in-layer.js";
import { testRule } from "../support/rule-tester.js";

testRule(rule, {
  valid: [
    "FROM node:20\nRUN --mount=type=secret,id=npmrc,target=/root/.npmrc npm ci\n",
    { name: "a public key", code: "FROM alpine:3.20\nCOPY id_rsa.pub /root/.ssh/\nRUN rm /root/.ssh/id_rsa.pub\n" },
    { name: "an example env file", code: "FROM python:3.12\nCOPY .env.example /app/\nRUN rm /app/.env.example\n" },
    { name: "a build stage the target only copies from", code: "FROM node:20 AS build\nCOPY .npmrc /root/.npmrc\nRUN npm ci && rm /root/.npmrc\nFROM node:20-slim\nCOPY --from=build /node_modules /node_modules\n" },
    { name: "kept, not deleted (another concern)", code: "FROM nginx\nCOPY server.key /etc/nginx/\n" },
    { name: "a key a RUN made and deleted", code: "FROM alpine\nRUN ssh-keygen -f /tmp/id_rsa -N ''\nRUN rm /tmp/id_rsa\n" },
  ],
  invalid: [
    {
      code: "FROM node:20\nCOPY .npmrc /root/.npmrc\nRUN npm ci && rm /root/.npmrc\n",
      errors: [
        {
          message: "`.npmrc` is deleted by the RUN at line 3, but anyone who pulls the image can still read it from the layer of line 2: pass it with `RUN --mount=type=secret,id=npmrc,target=/root/.npmrc` instead.",
          line: 3,
          column: 18,
          endColumn: 30,
          aliases: [],
        },
      ],
    },
    {
      name: "a private key under a folder removed later",
      code: "FROM alpine:3.20\nCOPY id_rsa /root/.ssh/id_rsa\nRUN git clone git@github.com:org/private.git /src\nRUN rm -rf /root/.ssh\n",
      errors: [{ messageId: "secretLeft", line: 4, column: 12, endColumn: 22 }],
    },
    {
      name: "a .env inside a copied folder",
      code: "FROM python:3.12\nWORKDIR /app\nCOPY . .\nRUN rm -f .env\n",
      errors: [{ message: "`.env` is deleted by the RUN at line 4, but anyone who pulls the image can still read it from the layer of line 3: pass it with `RUN --mount=type=secret,id=env,target=/app/.env` instead.", line: 4, column: 11, endColumn: 15 }],
    },
    {
      name: "certificates and credentials",
      code: "FROM debian:12\nCOPY certs/client.p12 aws/credentials /tmp/\nRUN ./setup.sh\nRUN rm /tmp/client.p12 /tmp/credentials\n",
      errors: [
        { messageId: "secretLeft", line: 4, column: 8, endColumn: 23 },
        { messageId: "secretLeft", line: 4, column: 24, endColumn: 40 },
      ],
    },
  ],
});
