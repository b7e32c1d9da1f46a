import type { TLocale } from "../../i18n/localized-text";
import type { TConfigNode } from "../../config/schemas";
import type { TPackKey } from "../index";
import type { TPackService } from "../schema";

/**
 * The seeded demo business: a mobile detailer in Austin, Texas, on the auto-detailing pack.
 * Phone numbers use the fictional 512-555-01xx range; customer emails are at example.com.
 */
export type TDemoTeamMember = {
  name: string;
  email: string;
  password: string;
  role: "MANAGER" | "STAFF";
};

export type TDemoCustomer = {
  name: string;
  /** E.164. */
  phone: string;
  email: string;
  locale: TLocale;
  /** Stored in the customer's `fields.vehicles` (the pack's customer field). */
  vehicles: string[];
  notes?: string;
  /** Written as the app stores them (normalizeTags: lower case), since the seed writes rows directly. */
  tags: string[];
};

export type TDemoBusiness = {
  slug: string;
  name: string;
  packKey: TPackKey;
  timeZone: string;
  defaultLocale: TLocale;
  owner: { name: string; email: string; password: string };
  team: TDemoTeamMember[];
  contactPhone: string;
  contactEmail: string;
  /** BOOKING.serviceArea: where the business goes (the booking page asks for the address). */
  serviceArea: TConfigNode<"BOOKING">["serviceArea"];
  serviceAreaNote: { en: string; es: string };
  /** Overrides the pack's services; undefined means the business starts with the pack's list. */
  services: TPackService[] | undefined;
  customers: TDemoCustomer[];
};

export const CLEANMACHINE_DEMO: TDemoBusiness = {
  slug: "cleanmachine",
  name: "CleanMachine Mobile Detailing",
  packKey: "auto-detailing",
  timeZone: "America/Chicago",
  defaultLocale: "en",
  owner: { name: "Maria Rodriguez", email: "owner@cleanmachine.demo", password: "cleanmachine-demo" },
  team: [
    { name: "James Carter", email: "james@cleanmachine.demo", password: "cleanmachine-demo", role: "MANAGER" },
    { name: "Luis Hernández", email: "luis@cleanmachine.demo", password: "cleanmachine-demo", role: "STAFF" },
  ],
  contactPhone: "+15125550142",
  contactEmail: "hello@cleanmachine.demo",
  serviceArea: { mode: "RADIUS", zips: [], centerZip: "78701", center: null, radiusMiles: 25 },
  serviceAreaNote: {
    en: "We come to you anywhere within 25 miles of downtown Austin.",
    es: "Vamos a donde usted esté, a menos de 25 millas del centro de Austin.",
  },
  services: undefined,
  customers: [
    {
      name: "David Thompson",
      phone: "+15125550101",
      email: "david.thompson@example.com",
      locale: "en",
      vehicles: ["2021 Toyota Tacoma (silver)"],
      notes: "Prefers Saturday mornings. Park on the street; the driveway is shared.",
      tags: ["monthly plan"],
    },
    {
      name: "Alejandra Gómez",
      phone: "+15125550103",
      email: "alejandra.gomez@example.com",
      locale: "es",
      vehicles: ["2019 Honda CR-V (white)"],
      notes: "Prefiere mensajes de texto en español.",
      tags: [],
    },
    {
      name: "Marcus Johnson",
      phone: "+15125550107",
      email: "marcus.johnson@example.com",
      locale: "en",
      vehicles: ["2022 Ford Transit 250 (white), unit 3", "2022 Ford Transit 250 (white), unit 4", "2020 Ford F-150 (white), unit 1"],
      notes: "Fleet account for Johnson & Sons Plumbing. Vans are washed at the shop on Burnet Rd; invoice monthly.",
      tags: ["fleet"],
    },
    {
      name: "Sofía Hernández",
      phone: "+15125550111",
      email: "sofia.hernandez@example.com",
      locale: "es",
      vehicles: ["2023 Tesla Model Y (midnight silver)"],
      notes: "Ceramic coating applied last spring; annual maintenance wash due.",
      tags: ["vip"],
    },
    {
      name: "Emily Chen",
      phone: "+15125550115",
      email: "emily.chen@example.com",
      locale: "en",
      vehicles: ["2018 Subaru Outback (green)"],
      notes: "Two golden retrievers: always add pet hair removal.",
      tags: [],
    },
    {
      name: "José Martínez",
      phone: "+15125550118",
      email: "jose.martinez@example.com",
      locale: "es",
      vehicles: ["2016 Chevrolet Silverado 1500 (black)", "2015 Nissan Altima (gray)"],
      tags: ["monthly plan"],
    },
    {
      name: "Rachel Kim",
      phone: "+15125550123",
      email: "rachel.kim@example.com",
      locale: "en",
      vehicles: ["2022 BMW X5 (black)"],
      notes: "Gated community in Barton Creek: call on arrival and she will open the gate.",
      tags: ["vip", "monthly plan"],
    },
    {
      name: "Guadalupe Ramírez",
      phone: "+15125550127",
      email: "guadalupe.ramirez@example.com",
      locale: "es",
      vehicles: ["2020 Toyota Sienna (blue)"],
      notes: "Two car seats in the second row; she removes them before the appointment.",
      tags: [],
    },
    {
      name: "Tyler Brooks",
      phone: "+15125550131",
      email: "tyler.brooks@example.com",
      locale: "en",
      vehicles: ["2017 Jeep Wrangler Unlimited (red)"],
      notes: "Takes it off-road; plan extra time for mud in the wheel wells.",
      tags: [],
    },
    {
      name: "Carlos Vega",
      phone: "+15125550136",
      email: "carlos.vega@example.com",
      locale: "es",
      vehicles: ["2019 Ford F-250 (white)", "2021 Ram 2500 (white)"],
      notes: "Vega Landscaping work trucks. Wash every other Friday at the yard on Slaughter Ln.",
      tags: ["fleet"],
    },
    {
      name: "Jennifer Walsh",
      phone: "+15125550139",
      email: "jennifer.walsh@example.com",
      locale: "en",
      vehicles: ["2024 Lexus RX 350 (pearl white)"],
      tags: ["vip"],
    },
    {
      name: "Ana Lucía Torres",
      phone: "+15125550145",
      email: "analucia.torres@example.com",
      locale: "es",
      vehicles: ["2014 Honda Civic (silver)"],
      notes: "Headlights are cloudy; offered headlight restoration at the next visit.",
      tags: [],
    },
    {
      name: "Brian O'Connor",
      phone: "+15125550152",
      email: "brian.oconnor@example.com",
      locale: "en",
      vehicles: ["2020 Porsche 911 Carrera (GT silver)"],
      notes: "Hand wash only, two-bucket method. No tire shine on the tread.",
      tags: ["vip"],
    },
    {
      name: "Mariana Flores",
      phone: "+15125550158",
      email: "mariana.flores@example.com",
      locale: "es",
      vehicles: ["2022 Kia Telluride (gray)"],
      tags: ["monthly plan"],
    },
  ],
};
