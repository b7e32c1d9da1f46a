import * as React from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";

import {
  Alert,
  Badge,
  Button,
  Card,
  CardContent,
  CardHeader,
  CardTitle,
  Dialog,
  DialogContent,
  DialogTitle,
  DialogTrigger,
  EmptyState,
  Field,
  Input,
  NativeSelect,
  PageHeader,
  SegmentedControl,
  Spinner,
  Stat,
  Switch,
  Tabs,
  TabsContent,
  TabsList,
  TabsTrigger,
  Textarea,
  badgeVariants,
  cn,
} from "~/components/ui";

/** Returns the value of `attr` on the first element matching `tag` (optionally containing `marker`). */
function attr(html: string, tag: string, name: string): string | undefined {
  const el = html.match(new RegExp(`<${tag}\\b[^>]*>`))?.[0];
  if (!el) return undefined;
  const m = el.match(new RegExp(`\\s${name}="([^"]*)"`));
  return m ? m[1] : undefined;
}

function idOfElementContaining(html: string, text: string): string | undefined {
  const m = html.match(new RegExp(`<p id="([^"]+)"[^>]*>(?:(?!</p>).)*${text}`));
  return m?.[1];
}

describe("cn", () => {
  it("merges conflicting tailwind classes, last wins", () => {
    expect(cn("px-2 px-4")).toBe("px-4");
    expect(cn("px-2", "py-1", "px-4")).toBe("py-1 px-4");
    const hidden = false as boolean;
    expect(cn("text-slate-600", hidden && "hidden", undefined, { "text-red-700": true })).toBe("text-red-700");
  });
});

describe("Field", () => {
  it("links label to the control and describes it with the hint", () => {
    const html = renderToStaticMarkup(
      <Field label="Business name" hint="Shown on invoices">
        <Input name="businessName" />
      </Field>,
    );
    const inputId = attr(html, "input", "id");
    expect(inputId).toBeTruthy();
    expect(attr(html, "label", "for")).toBe(inputId);
    const hintId = idOfElementContaining(html, "Shown on invoices");
    expect(hintId).toBeTruthy();
    expect(attr(html, "input", "aria-describedby")).toBe(hintId);
    expect(attr(html, "input", "aria-invalid")).toBeUndefined();
  });

  it("wires hint and error ids into aria-describedby and sets aria-invalid on error", () => {
    const html = renderToStaticMarkup(
      <Field label="Email" hint="We never share it" error="Enter a valid email" required>
        <Input name="email" type="email" aria-describedby="external-help" />
      </Field>,
    );
    const hintId = idOfElementContaining(html, "We never share it");
    const errorId = idOfElementContaining(html, "Enter a valid email");
    expect(hintId).toBeTruthy();
    expect(errorId).toBeTruthy();
    expect(hintId).not.toBe(errorId);
    const describedBy = attr(html, "input", "aria-describedby")?.split(" ");
    expect(describedBy).toEqual(["external-help", hintId, errorId]);
    expect(attr(html, "input", "aria-invalid")).toBe("true");
    expect(attr(html, "input", "aria-required")).toBe("true");
  });

  it("passes control props to a render function and keeps a caller-supplied id", () => {
    const html = renderToStaticMarkup(
      <>
        <Field label="Notes" error="Too long">
          {(control) => <Textarea name="notes" {...control} />}
        </Field>
        <Field label="Plan">
          <NativeSelect id="plan-select" name="plan">
            <option value="a">A</option>
          </NativeSelect>
        </Field>
      </>,
    );
    expect(attr(html, "textarea", "aria-invalid")).toBe("true");
    expect(attr(html, "textarea", "aria-describedby")).toBe(idOfElementContaining(html, "Too long"));
    expect(html).toContain('for="plan-select"');
    expect(attr(html, "select", "id")).toBe("plan-select");
    expect(attr(html, "select", "aria-describedby")).toBeUndefined();
  });

  it("generates distinct ids for sibling fields", () => {
    const html = renderToStaticMarkup(
      <>
        <Field label="A">
          <Input />
        </Field>
        <Field label="B">
          <Input />
        </Field>
      </>,
    );
    const ids = [...html.matchAll(/<input[^>]*\sid="([^"]+)"/g)].map((m) => m[1]);
    expect(ids).toHaveLength(2);
    expect(new Set(ids).size).toBe(2);
  });
});

describe("Button", () => {
  it("defaults to a primary md button without busy state", () => {
    const html = renderToStaticMarkup(<Button>Save</Button>);
    expect(html).toContain("bg-brand-600");
    expect(attr(html, "button", "disabled")).toBeUndefined();
    expect(attr(html, "button", "aria-busy")).toBeUndefined();
    expect(html).toContain("focus-visible:ring-brand-500");
  });

  it("loading sets disabled and aria-busy and shows a spinner", () => {
    const html = renderToStaticMarkup(
      <Button loading loadingText="Saving…">
        Save
      </Button>,
    );
    expect(attr(html, "button", "disabled")).toBe("");
    expect(attr(html, "button", "aria-busy")).toBe("true");
    expect(html).toContain("animate-spin");
    expect(html).toContain("Saving…");
    expect(html).not.toContain(">Save<");
  });

  it("asChild renders the child element with button classes and ARIA busy state", () => {
    const html = renderToStaticMarkup(
      <Button asChild variant="outline" loading>
        <a href="/jobs">Jobs</a>
      </Button>,
    );
    expect(html.startsWith("<a")).toBe(true);
    expect(html).not.toContain("<button");
    expect(attr(html, "a", "aria-busy")).toBe("true");
    expect(attr(html, "a", "aria-disabled")).toBe("true");
    expect(html).toContain("border-slate-300");
    expect(html).toContain("Jobs</a>");
  });

  it("keeps >= 44px touch targets on phones for every size", () => {
    for (const size of ["sm", "md", "icon"] as const) {
      const html = renderToStaticMarkup(<Button size={size}>x</Button>);
      expect(html).toMatch(/class="[^"]*\bh-11\b/);
    }
    expect(renderToStaticMarkup(<Button size="lg">x</Button>)).toMatch(/class="[^"]*\bh-12\b/);
  });
});

describe("Alert", () => {
  it("danger uses role=alert", () => {
    const html = renderToStaticMarkup(<Alert variant="danger" title="Payment failed" description="Try again" />);
    expect(attr(html, "div", "role")).toBe("alert");
    expect(html).toContain("Payment failed");
    expect(html).toContain("Try again");
  });

  it("other variants use role=status", () => {
    for (const variant of ["info", "success", "warning"] as const) {
      const html = renderToStaticMarkup(<Alert variant={variant} title="t" />);
      expect(attr(html, "div", "role")).toBe("status");
    }
    expect(attr(renderToStaticMarkup(<Alert title="t" />), "div", "role")).toBe("status");
  });

  it("renders a decorative icon that can be turned off", () => {
    expect(renderToStaticMarkup(<Alert title="t" />)).toContain("<svg");
    expect(renderToStaticMarkup(<Alert title="t" icon={false} />)).not.toContain("<svg");
  });
});

describe("Badge", () => {
  it("variants produce different classes", () => {
    const variants = ["neutral", "success", "warning", "danger", "info", "brand"] as const;
    const classes = variants.map((variant) => badgeVariants({ variant }));
    expect(new Set(classes).size).toBe(variants.length);
    const success = renderToStaticMarkup(<Badge variant="success">Paid</Badge>);
    const danger = renderToStaticMarkup(<Badge variant="danger">Overdue</Badge>);
    expect(attr(success, "span", "class")).not.toBe(attr(danger, "span", "class"));
    expect(success).toContain("text-emerald-800");
    expect(danger).toContain("text-red-800");
  });
});

describe("server rendering smoke test", () => {
  it("renders the Radix-based and layout components without throwing", () => {
    const html = renderToStaticMarkup(
      <div>
        <PageHeader title="Jobs" description="All jobs" actions={<Button>New job</Button>} />
        <Card>
          <CardHeader>
            <CardTitle>Today</CardTitle>
          </CardHeader>
          <CardContent>
            <Stat label="Revenue" value="$1,200" hint="+12%" />
          </CardContent>
        </Card>
        <EmptyState title="No jobs yet" description="Create your first job" action={<Button>Create</Button>} />
        <Dialog>
          <DialogTrigger asChild>
            <Button>Open</Button>
          </DialogTrigger>
          <DialogContent closeLabel="Close">
            <DialogTitle>Hidden while closed</DialogTitle>
          </DialogContent>
        </Dialog>
        <Tabs defaultValue="a">
          <TabsList aria-label="Sections">
            <TabsTrigger value="a">A</TabsTrigger>
            <TabsTrigger value="b">B</TabsTrigger>
          </TabsList>
          <TabsContent value="a">Panel A</TabsContent>
        </Tabs>
        <form>
          <Switch name="notify" defaultChecked uncheckedValue="off" aria-label="Notify" />
          <SegmentedControl
            name="mode"
            label="Mode"
            defaultValue="simple"
            options={[
              { value: "simple", label: "Simple" },
              { value: "advanced", label: "Advanced" },
            ]}
          />
        </form>
        <Spinner label="Loading" />
      </div>,
    );
    expect(html).toContain("<h1");
    expect(html).toContain("Panel A");
    expect(html).not.toContain("Hidden while closed");
    expect(html).toContain('role="switch"');
    expect(html).toContain('name="notify"');
    expect(html).toMatch(/<input type="hidden" name="notify" value="off"/);
    expect(html).toMatch(/<input type="hidden" name="mode" value="simple"/);
    expect(html).toContain('aria-label="Mode"');
    expect(html).toContain('role="status"');
  });
});
